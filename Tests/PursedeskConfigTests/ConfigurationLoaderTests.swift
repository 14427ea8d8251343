import CalypsoAPI
import Foundation
import PursedeskConfig
import Testing
import TestScratch

@Suite struct ConfigurationLoaderTests {
    let directory: URL

    init() throws {
        directory = ScratchRoot.url.appendingPathComponent("pursedesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pursedesk"), withIntermediateDirectories: true)
    }

    func write(_ text: String, mode: Int = 0o600, name: String = "pursedesk/config.toml") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    func loader(_ env: [String: String] = [:], profile: String? = nil) -> ConfigurationLoader {
        ConfigurationLoader(environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path].merging(env) { $1 }, profile: profile)
    }

    @Test func noCredentialsAnywhereMeansSandbox() throws {
        let configuration = try loader().load()
        #expect(configuration.credentials == nil && configuration.credentialSource == .none)
        #expect(configuration.dataDirectory.path == directory.appendingPathComponent(".local/share/pursedesk").path)
    }

    @Test func environmentCredentials() throws {
        let configuration = try loader([
            "CALYPSO_BASE_URL": "http://127.0.0.1:8080", "CALYPSO_ACCOUNT": "0xabc", "CALYPSO_API_KEY": "key",
            "CALYPSO_API_SECRET": "secret", "XDG_DATA_HOME": "/tmp/xdg-data",
        ]).load()
        #expect(configuration.credentials?.baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(configuration.credentials?.apiSecret.exposedValue == "secret")
        #expect(configuration.credentialSource == .environment)
        #expect(configuration.dataDirectory.path == "/tmp/xdg-data/pursedesk")
    }

    @Test func bellIsOnUnlessTheConfigTurnsItOff() throws {
        #expect(try loader().load().bell)
        _ = try write("bell = false\n")
        #expect(try !loader().load().bell)
        _ = try write("bell = \"no\"\n")
        #expect(throws: (any Error).self) { try loader().load() }
    }

    @Test func defaultBaseURL() throws {
        let configuration = try loader(["CALYPSO_ACCOUNT": "0xabc", "CALYPSO_API_KEY": "key", "CALYPSO_API_SECRET": "s"]).load()
        #expect(configuration.credentials?.baseURL.absoluteString == "https://api.calypso.finance")
    }

    @Test func incompleteEnvironmentNamesWhatIsMissing() {
        #expect(throws: ConfigurationError("incomplete credentials in the environment: set CALYPSO_API_KEY, CALYPSO_API_SECRET (or CALYPSO_API_SECRET_FILE)")) {
            try loader(["CALYPSO_ACCOUNT": "0xabc"]).load()
        }
        #expect(throws: ConfigurationError("CALYPSO_BASE_URL is not an http(s) URL: ftp://x")) {
            try loader(["CALYPSO_BASE_URL": "ftp://x", "CALYPSO_ACCOUNT": "a", "CALYPSO_API_KEY": "k", "CALYPSO_API_SECRET": "s"]).load()
        }
    }

    @Test func profilesWithSecretFileAndPaths() throws {
        let secretFile = try write("from-file-secret\n", mode: 0o600, name: "prod.secret")
        _ = try write("""
            default_profile = "staging"
            [profiles.prod]
            account = "0xprod"
            api_key = "kp"
            api_secret_file = "\(secretFile.path)"
            refresh_interval = 0.5
            request_budget = 20
            [profiles.prod.paths]
            customer_block = "/api/v1/customer-purse/customer/lock"
            [profiles.staging]
            base_url = "http://127.0.0.1:9"
            account = "0xstage"
            api_key = "ks"
            api_secret_file = "\(secretFile.path)"
            """)
        let staging = try loader().load()
        #expect(staging.credentials?.account == "0xstage" && staging.credentialSource == .profile("staging"))
        let prod = try loader(profile: "prod").load()
        #expect(prod.credentials?.apiSecret.exposedValue == "from-file-secret")
        #expect(prod.paths.customerBlock == "/api/v1/customer-purse/customer/lock")
        #expect(prod.refreshInterval == 1 && prod.requestBudget == 20)
        #expect(prod.warnings.contains { $0.contains("below the floor") })
        #expect(prod.warnings.allSatisfy { !$0.contains("from-file-secret") })
        #expect(throws: ConfigurationError.self) { try loader(profile: "nope").load() }
    }

    @Test func warnsWhenASecretIsReadableByOthers() throws {
        let url = try write("""
            [profiles.main]
            account = "0xa"
            api_key = "k"
            api_secret = "inline-secret-value"
            """, mode: 0o644)
        let configuration = try loader().load()
        #expect(configuration.warnings == ["warning: the config file \(url.path) holds an API secret is readable by group or others (mode 644); run: chmod 600 \(url.path)"]
            || configuration.warnings.first?.contains("readable by group or others") == true)
        #expect(configuration.warnings.allSatisfy { !$0.contains("inline-secret-value") })
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        #expect(try loader().load().warnings.isEmpty)
    }

    @Test func badValuesNameFileAndLine() throws {
        let url = try write("""
            [profiles.main]
            account = "0xa"
            api_key = "k"
            api_secret = "s"
            request_budget = "lots"
            """)
        #expect(throws: ConfigurationError("\(url.path):5: profiles.main.request_budget: expected a number, found \"lots\"")) {
            try loader().load()
        }
        _ = try write("[profiles.main]\naccount = \"0xa\"\n[profiles.main.paths]\nnot_a_path = \"/x\"\n")
        #expect(throws: ConfigurationError.self) { try loader().load() }
        _ = try write("[profiles.main\n")
        #expect {
            try loader().load()
        } throws: { error in
            (error as? ConfigurationError)?.message.hasPrefix("\(url.path):1:") == true
        }
        _ = try write("[profiles.main]\naccount = \"0xa\"\n")
        #expect(throws: ConfigurationError("profile \"main\" in \(url.path) lacks api_key, api_secret or api_secret_file")) {
            try loader().load()
        }
    }
}
