import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing
import TestScratch

/// `--account` against a sandbox serving two accounts for one key: the second account's data,
/// and only it, whatever the profile or the environment name.
@Suite struct AccountOptionCLITests {
    let sandbox: SandboxServer
    let scratch: URL
    var accountA: String { sandbox.account }
    var accountB: String { sandbox.accounts[1].account }

    init() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 2
        configuration.traffic = TrafficSettings(enabled: false)
        sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        scratch = ScratchRoot.url.appendingPathComponent("pursedesk-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("config/pursedesk"), withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        ["CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": accountA, "CALYPSO_API_KEY": sandbox.apiKey,
         "CALYPSO_API_SECRET": sandbox.apiSecret, "HOME": scratch.path, "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path]
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> PursedeskBinary.Result {
        try await PursedeskBinary.run(arguments, environment: environment ?? self.environment)
    }

    @Test func whoamiAndCustomersAreTheSelectedAccounts() async throws {
        let whoami = try await run(["whoami", "--account", accountB])
        #expect(whoami.status == 0, "\(whoami.error)")
        #expect(whoami.output.contains("account") && whoami.output.contains("* \(accountB)  Sandbox account 2"))
        #expect(whoami.output.contains("  \(accountA)  Sandbox account") && !whoami.output.contains("* \(accountA)"))
        #expect(!whoami.error.contains("not among"))

        let created = try await run(["customer", "create", "--account", accountB, "--email", "bee@example.com", "--json"])
        #expect(created.status == 0, "\(created.error)")
        let customerId = try #require(try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any])["id"] as? String
        #expect(await sandbox.state(account: accountB)?.customers.contains { $0.id == customerId } == true)
        #expect(await !sandbox.state().customers.contains { $0.id == customerId })

        let listB = try await run(["customer", "list", "--account", accountB])
        let listA = try await run(["customer", "list"])
        #expect(listB.status == 0 && listB.output.contains("bee@example.com"), "\(listB.output)\(listB.error)")
        #expect(listA.status == 0 && !listA.output.contains("bee@example.com"), "\(listA.output)")

        // The other account's customer is unknown to the first one over the API too.
        let pursesA = try await run(["purse", "list", try #require(customerId)])
        #expect(pursesA.status == 4)
        let pursesB = try await run(["purse", "list", try #require(customerId), "--account", accountB])
        #expect(pursesB.status == 0, "\(pursesB.error)")
    }

    @Test func theOptionOverridesTheProfilesAccount() async throws {
        let config = scratch.appendingPathComponent("config/pursedesk/config.toml")
        try """
            [profiles.shop]
            base_url = "\(sandbox.baseURL.absoluteString)"
            account = "\(accountA)"
            api_key = "\(sandbox.apiKey)"
            api_secret = "\(sandbox.apiSecret)"
            """.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let noEnvironment = ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
                             "XDG_DATA_HOME": scratch.appendingPathComponent("data").path]
        let fromProfile = try await run(["whoami", "--profile", "shop"], environment: noEnvironment)
        #expect(fromProfile.status == 0 && fromProfile.output.contains("* \(accountA)"), "\(fromProfile.error)")
        let overridden = try await run(["whoami", "--profile", "shop", "--account", accountB], environment: noEnvironment)
        #expect(overridden.status == 0 && overridden.output.contains("* \(accountB)"), "\(overridden.error)")
    }

    @Test(arguments: ["shop", "0x", "0xZZ12", "c195df92dd9db2a8f28e597981f113d6e7582f8b"])
    func aBadAccountIsAUsageError(value: String) async throws {
        let result = try await run(["whoami", "--account", value])
        #expect(result.status == 64, "\(value): \(result.status) \(result.error)")
        #expect(result.error.contains("--account must be 0x followed by hexadecimal digits"), "\(result.error)")
    }

    @Test func anAccountTheKeyDoesNotServeIsAnAuthenticationError() async throws {
        let result = try await run(["customer", "create", "--email", "x@example.com", "--account", "0x" + String(repeating: "ab", count: 20)])
        #expect(result.status == 3, "\(result.status) \(result.error)")
    }
}
