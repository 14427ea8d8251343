import Foundation
import Testing
import TestScratch

/// The config file as a user meets it through the binary: TOML 1.0 accepted, a bad value refused
/// with file, line and key path, a misspelt key warned about with the nearest known one.
@Suite struct ConfigFileCLITests {
    let directory: URL

    init() throws {
        directory = ScratchRoot.url.appendingPathComponent("pursedesk-configcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func run(config text: String) async throws -> (file: String, result: PursedeskBinary.Result) {
        let file = directory.appendingPathComponent("config.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let result = try await PursedeskBinary.run(["whoami", "--timeout", "2", "--config", file.path],
                                             environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path])
        return (file.path, result)
    }

    @Test func fullTOMLIsAcceptedAndTyposAreNamed() async throws {
        let (file, result) = try await run(config: #"""
            [profiles.prod]
            base_url = "http://127.0.0.1:1"
            account = "0xabc"
            api_key = "k"
            api_secret = """
            multi-line-secret-value"""
            paths = { customer_block = "/api/v1/customer-purse/customer/lock" }
            refresh_intervall = 3
            """#)
        #expect(result.status == 1 && result.error.contains("connection refused"), "\(result.error)")
        #expect(result.error.contains("warning: \(file):8: unknown key profiles.prod.refresh_intervall is ignored; did you mean `refresh_interval`?"))
        #expect(!result.error.contains("multi-line-secret-value"))
    }

    @Test func badValuesNameFileLineAndKeyPath() async throws {
        let (file, result) = try await run(config: "[profiles.prod]\naccount = \"0xabc\"\nrefresh_interval = \"2s\"\n")
        #expect(result.status == 2)
        #expect(result.error.contains("\(file):3: profiles.prod.refresh_interval: expected a number, found \"2s\""), "\(result.error)")
        let (_, syntax) = try await run(config: "[profiles.prod]\naccount = \"0xabc\nx = 1\n")
        #expect(syntax.status == 2 && syntax.error.contains("\(file):2:"), "\(syntax.error)")
    }
}
