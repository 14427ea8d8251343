import CalypsoAPI
import Foundation
import PursedeskConfig
import Testing
import TestScratch

/// Valid TOML 1.0 the old subset parser refused, and the keys other parts of pursedesk read.
@Suite struct ConfigurationTOMLTests {
    let directory: URL
    let configFile: URL

    init() throws {
        directory = ScratchRoot.url.appendingPathComponent("pursedesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pursedesk"), withIntermediateDirectories: true)
        configFile = directory.appendingPathComponent("pursedesk/config.toml")
    }

    func load(_ text: String, env: [String: String] = [:], profile: String? = nil) throws -> Configuration {
        try text.write(to: configFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configFile.path)
        return try ConfigurationLoader(environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path].merging(env) { $1 },
                                       profile: profile).load()
    }

    func failure(_ text: String, env: [String: String] = [:]) -> String {
        do {
            _ = try load(text, env: env)
            return "loaded"
        } catch let error as ConfigurationError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func inlineTablesMultiLineStringsAndDottedKeys() throws {
        let configuration = try load(#"""
            profiles.prod.account = "0xprod"
            profiles.prod.api_key = """
            kp-multi"""
            profiles.prod.api_secret = '''s3cr\et'''
            profiles.prod.paths = { customer_block = "/api/v1/customer-purse/customer/lock" }
            profiles.prod.webhook_secrets."pub-key-1" = "wh"
            """#)
        #expect(configuration.credentials?.account == "0xprod")
        #expect(configuration.credentials?.apiKey == "kp-multi")
        #expect(configuration.credentials?.apiSecret.exposedValue == #"s3cr\et"#)
        #expect(configuration.paths.customerBlock == "/api/v1/customer-purse/customer/lock")
        #expect(configuration.webhookSecrets["pub-key-1"]?.exposedValue == "wh")
    }

    @Test func arraysOfTablesAreValidButUnknownKeysOnlyWarn() throws {
        let configuration = try load("""
            theme = "light"
            [[plugins]]
            name = "a"
            [[plugins]]
            name = "b"
            [profiles.prod]
            refresh_intervl = 3
            """)
        #expect(configuration.theme == "light")
        #expect(configuration.warnings == [
            "warning: \(configFile.path):2: unknown key plugins is ignored",
            "warning: \(configFile.path):7: unknown key profiles.prod.refresh_intervl is ignored; did you mean `refresh_interval`?",
        ])
        #expect(configuration.refreshInterval == 2)
    }

    @Test func errorsNameFileLineAndKeyPath() {
        #expect(failure("[profiles.prod]\nrefresh_interval = \"2s\"\n")
            == "\(configFile.path):2: profiles.prod.refresh_interval: expected a number, found \"2s\"")
        #expect(failure("profiles = { prod = { paths = { customer_blok = \"/x\" } } }\n")
            == "\(configFile.path):1: profiles.prod.paths.customer_blok: unknown endpoint name; did you mean `customer_block`? "
            + "(known: \(EndpointPaths.overridableNames.joined(separator: ", ")))")
        #expect(failure("[keys]\nblock = 66\n") == "\(configFile.path):2: keys.block: expected a key name, found 66")
        #expect(failure("bell = \"off\"\n") == "\(configFile.path):1: bell: expected true or false, found \"off\"")
        let secretLeak = failure("[profiles.p]\naccount = \"a\"\napi_key = \"k\"\napi_secret = 987654321\n")
        #expect(secretLeak.contains("profiles.p.api_secret: expected a string, found an integer") && !secretLeak.contains("987654321"))
        #expect(failure("default_profile = \"prd\"\n[profiles.prod]\n") == "no profile named \"prd\" in \(configFile.path); did you mean \"prod\"?")
    }

    @Test func deskSettings() throws {
        let passwordFile = directory.appendingPathComponent("store.password")
        try "pg-password\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
        let configuration = try load("""
            bell = false
            [profiles.prod]
            store = "postgres://desk@db.internal:5432/pursedesk"
            store_password_file = "\(passwordFile.path)"
            operator = "ann"
            export_dir = "~/exports"
            log_level = "Debug"
            links = false
            [profiles.prod.explorers]
            TRX = { tx = "https://tronscan.org/#/transaction/{hash}", address = "https://tronscan.org/#/address/{address}" }
            ETH.tx = "https://etherscan.io/tx/{hash}"
            """)
        #expect(configuration.store?.absoluteString == "postgres://desk@db.internal:5432/pursedesk")
        #expect(configuration.storePassword?.exposedValue == "pg-password")
        #expect(configuration.operatorName == "ann")
        #expect(configuration.exportDirectory?.path == directory.appendingPathComponent("exports").path)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.bell == false && configuration.links == false)
        #expect(configuration.explorers["TRX"]?.transactionURL(hash: "ab12") == "https://tronscan.org/#/transaction/ab12")
        #expect(configuration.explorers["TRX"]?.addressURL("T9y") == "https://tronscan.org/#/address/T9y")
        #expect(configuration.explorers["ETH"] == ExplorerTemplates(transaction: "https://etherscan.io/tx/{hash}", address: nil))
        #expect(configuration.warnings.isEmpty)
    }

    @Test func deskSettingsDefaultsAndEnvironment() throws {
        let defaults = try load("[profiles.prod]\n")
        #expect(defaults.bell && defaults.links && defaults.store == nil && defaults.operatorName == nil && defaults.logLevel == nil)
        let fromEnvironment = try load("""
            [profiles.prod]
            store = "sqlite:///var/lib/desk.sqlite"
            operator = "ann"
            """, env: ["PURSEDESK_STORE": "postgres://desk:hunter2@db/desk", "PURSEDESK_OPERATOR": "bob"])
        #expect(fromEnvironment.store?.absoluteString == "postgres://desk@db/desk")
        #expect(fromEnvironment.storePassword?.exposedValue == "hunter2")
        #expect(fromEnvironment.operatorName == "bob")
    }

    @Test func badDeskSettings() {
        #expect(failure("[profiles.p]\nlog_level = \"loud\"\n")
            == "\(configFile.path):2: profiles.p.log_level: expected one of trace, debug, info, notice, warning, error, critical, found \"loud\"")
        #expect(failure("[profiles.p.explorers]\nTRX.tx = \"https://tronscan.org/tx/\"\n")
            == "\(configFile.path):2: profiles.p.explorers.TRX.tx: expected an http(s) URL holding {hash}, found \"https://tronscan.org/tx/\"")
        #expect(failure("[profiles.p]\nstore = \"no url here\"\n").hasSuffix("expected a URL such as postgres://user@host/db or sqlite:///path/desk.sqlite"))
        let leak = failure("[profiles.p]\nstore = 42\n")
        #expect(leak == "\(configFile.path):2: profiles.p.store: expected a string, found an integer")
        #expect(failure("[profiles.p]\nstore_password_file = \"/nonexistent/pw\"\n") == "cannot read the secret file /nonexistent/pw")
    }
}
