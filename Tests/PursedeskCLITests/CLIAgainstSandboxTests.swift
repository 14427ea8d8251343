import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing
import TestScratch

/// Every CLI command run as a user would, against the sandbox over loopback. The sandbox verifies
/// `Sign` over the raw body and the ±3 minute timestamp window, so a success proves both.
@Suite struct CLIAgainstSandboxTests {
    let sandbox: SandboxServer
    let scratch: URL

    init() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 5
        configuration.traffic = TrafficSettings(enabled: false)
        sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        scratch = ScratchRoot.url.appendingPathComponent("pursedesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        ["CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account, "CALYPSO_API_KEY": sandbox.apiKey,
         "CALYPSO_API_SECRET": sandbox.apiSecret, "HOME": scratch.path, "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path]
    }

    func run(_ arguments: [String], env extra: [String: String] = [:]) async throws -> PursedeskBinary.Result {
        let result = try await PursedeskBinary.run(arguments, environment: environment.merging(extra) { $1 })
        #expect(!result.output.contains(sandbox.apiSecret) && !result.error.contains(sandbox.apiSecret),
                "the API secret leaked from \(arguments)")
        return result
    }

    func json(_ result: PursedeskBinary.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "not JSON: \(result.output)")
    }

    @Test func everyCommandWorksAndNeverPrintsTheSecret() async throws {
        let whoami = try await run(["whoami", "--verbose"])
        #expect(whoami.status == 0, "\(whoami.error)")
        #expect(whoami.output.contains(sandbox.account) && whoami.error.contains("/api/v1/user/current"))

        let created = try await run(["customer", "create", "--email", "ann@example.com", "--description", "VIP desk", "--external-id", "A-1", "--json", "--verbose"])
        #expect(created.status == 0, "\(created.error)")
        let customerId = try #require(try json(created)["id"] as? String)
        #expect(try json(created)["email"] as? String == "ann@example.com")
        #expect(await sandbox.state().customers.contains { $0.id == customerId && $0.externalId == "A-1" })

        let updated = try await run(["customer", "update", customerId, "--description", "moved"])
        #expect(updated.status == 0 && updated.output.contains("moved") && updated.output.contains("ann@example.com"))

        let purse = try await run(["purse", "get", customerId, "usdt_bsc", "--json"])
        #expect(purse.status == 0, "\(purse.error)")
        let address = try #require(try json(purse)["address"] as? String)
        #expect(address.hasPrefix("0x") && address.count == 42)
        let list = try await run(["purse", "list", customerId])
        #expect(list.status == 0 && list.output.contains(address) && list.output.contains("BSC"))

        let blockWithoutYes = try await run(["customer", "block", customerId])
        #expect(blockWithoutYes.status == 64 && blockWithoutYes.error.contains("pass --yes"))
        #expect(await sandbox.state().customers.first { $0.id == customerId }?.blocked == false)
        let blocked = try await run(["customer", "block", customerId, "--yes"])
        #expect(blocked.status == 0 && blocked.output.contains("blocked      yes"))
        #expect(await sandbox.state().customers.first { $0.id == customerId }?.blocked == true)
        let unblocked = try await run(["customer", "unblock", customerId, "--yes", "--json"])
        let unblockedJSON = try json(unblocked)
        #expect(unblocked.status == 0 && unblockedJSON["blocked"] as? Bool == false)

        let tx = try await sandbox.injectDeposit(customerId: customerId, currency: "USDT_BSC", amount: Amount("12.345678"), pacing: .instant)
        let get = try await run(["tx", "get", tx.id])
        #expect(get.status == 0 && get.output.contains("12.345678") && get.output.contains("CONFIRMED"))
        let find = try await run(["tx", "find", "--customer", customerId, "--currency", "usdt_bsc", "--state", "CONFIRMED", "--size", "5", "--json"])
        #expect(find.status == 0, "\(find.error)")
        #expect((try json(find)["result"] as? [[String: Any]])?.first?["id"] as? String == tx.id)
        let emptyFind = try await run(["tx", "find", "--state", "DECLINED"])
        #expect(emptyFind.status == 0 && emptyFind.output.contains("0 transactions in all"))

        let snapshot = try await run(["snapshot", "--json"])
        #expect(snapshot.status == 0, "\(snapshot.error)")
        #expect(try json(snapshot)["connection"] as? String == "live")
        let offline = try await run(["snapshot", "--offline"])
        #expect(offline.status == 0 && offline.output.contains("offline"))

        let audit = try await PursedeskBinary.run(["snapshot", "--offline", "--json"], environment: environment)
        #expect(audit.status == 0)
        #expect(try filesContaining(sandbox.apiSecret, under: scratch).isEmpty, "the secret was written to disk")
    }

    /// Files under `directory` whose bytes contain `text` (the store, its WAL, logs).
    func filesContaining(_ text: String, under directory: URL) throws -> [String] {
        let needle = Data(text.utf8)
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { (try? Data(contentsOf: $0))?.range(of: needle) != nil }.map(\.path)
    }

    @Test func wrongSecretSaysWrongSignature() async throws {
        let result = try await PursedeskBinary.run(["whoami"], environment: environment.merging(["CALYPSO_API_SECRET": "0123456789abcdef0123456789abcdef"]) { $1 })
        #expect(result.status == 3)
        #expect(result.error.hasPrefix("pursedesk: error: wrong signature (003)"))
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(!result.error.contains("0123456789abcdef0123456789abcdef"))
    }

    @Test func unknownCustomerIsNotFound() async throws {
        let result = try await run(["purse", "list", "3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        #expect(result.status == 4 && result.error.contains("not found (004)"))
    }

    @Test func unreachableServerIsAOneLineError() async throws {
        let result = try await run(["whoami", "--timeout", "3"], env: ["CALYPSO_BASE_URL": "http://127.0.0.1:1"])
        #expect(result.status == 1 && result.error.contains("connection refused"))
    }

    @Test func csvImportIsAllOrNothing() async throws {
        let file = scratch.appendingPathComponent("customers.csv")
        try "id,email\n3fa85f64-5717-4562-b3fc-2c963f66afa6,a@b.co\nnope,c@d.co\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try await run(["customer", "import", file.path])
        #expect(bad.status == 65 && bad.error.contains("line 3: id \"nope\" is not a UUID") && bad.error.contains("nothing imported"))
        try "id,email\n3fa85f64-5717-4562-b3fc-2c963f66afa6,a@b.co\n".write(to: file, atomically: true, encoding: .utf8)
        let good = try await run(["customer", "import", file.path])
        #expect(good.status == 0 && good.output.contains("1 new"))
        #expect(!good.error.contains("\r") && !good.error.contains("%"), "no progress bar when standard error is not a terminal")
        let forget = try await run(["customer", "forget", "3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        #expect(forget.status == 0)
    }

    @Test func importsASemicolonCSVAsExcelWritesIt() async throws {
        let file = scratch.appendingPathComponent("excel.csv")
        let rows = ["\u{FEFF}id;email;externalId;description",
                    "3fa85f64-5717-4562-b3fc-2c963f66afa6;ann@example.com;ext-1;\"Ann; VIP, \"\"gold\"\"\"",
                    "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d;bob@example.com;ext-2;plain"]
        try Data((rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        let imported = try await run(["customer", "import", file.path])
        #expect(imported.status == 0 && imported.output.contains("2 new"), "\(imported.error)")
        let store = try DeskStore.open(dataDirectory: scratch.appendingPathComponent("data/pursedesk"), account: sandbox.account)
        #expect(try store.customer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6")?.description == "Ann; VIP, \"gold\"")
        #expect(try store.customer(id: "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d")?.email == "bob@example.com")

        try Data("id;email\r\n7a1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d;x@y.z\r\nnope;a@b.co\r\n".utf8).write(to: file)
        let bad = try await run(["customer", "import", file.path])
        #expect(bad.status == 65 && bad.error.contains("line 3: id \"nope\" is not a UUID"))
    }
}

/// Argument validation needs no server.
@Suite struct CLIArgumentTests {
    @Test(arguments: [
        (["customer", "update", "not-a-uuid", "--email", "a@b.co"], "ID must be a UUID"),
        (["customer", "update", "3fa85f64-5717-4562-b3fc-2c963f66afa6"], "nothing to update"),
        (["customer", "create", "--email", "not-an-email"], "--email must look like"),
        (["customer", "block", "x"], "ID must be a UUID"),
        (["purse", "get", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "ET H"], "a currency is a code"),
        (["purse", "get", "3fa85f64-5717-4562-b3fc-2c963f66afa6"], "Missing expected argument"),
        (["tx", "find", "--state", "PAID"], "--state must be one of"),
        (["tx", "find", "--page=-1"], "--page starts at 0"),
        (["tx", "find", "--size", "0"], "--size must be between 1 and 500"),
        (["tx", "get", "abc"], "TX_ID must be a UUID"),
        (["whoami", "--timeout", "0"], "--timeout must be between"),
        (["sandbox", "--port", "70000"], "--port must be between"),
        (["sandbox", "--accounts", "0"], "--accounts must be between 1 and 20"),
        (["frobnicate"], "Unexpected argument"),
    ])
    func badArgumentsAreRefused(arguments: [String], message: String) async throws {
        let result = try await PursedeskBinary.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.error)")
        #expect(result.error.contains(message), "\(arguments): \(result.error)")
    }

    @Test func helpEverywhere() async throws {
        for command in [[], ["customer"], ["customer", "create"], ["purse", "get"], ["tx", "find"], ["whoami"], ["snapshot"], ["sandbox"], ["sync"]] {
            let result = try await PursedeskBinary.run(command + ["--help"])
            #expect(result.status == 0 && result.output.contains("USAGE:"), "\(command)")
        }
    }

    @Test func noCredentialsIsAClearConfigurationError() async throws {
        let home = ScratchRoot.url.appendingPathComponent("pursedesk-nocreds-\(UUID().uuidString)")
        let result = try await PursedeskBinary.run(["whoami"], environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
        #expect(result.status == 2 && result.error.contains("no credentials"))
    }

    @Test func secretFileReadableByOthersWarns() async throws {
        let directory = ScratchRoot.url.appendingPathComponent("pursedesk-perm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let secretFile = directory.appendingPathComponent("secret")
        try "very-secret-value\n".write(to: secretFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secretFile.path)
        let result = try await PursedeskBinary.run(["whoami", "--timeout", "2"], environment: [
            "HOME": directory.path, "XDG_CONFIG_HOME": directory.path, "CALYPSO_BASE_URL": "http://127.0.0.1:1",
            "CALYPSO_ACCOUNT": "0xabc", "CALYPSO_API_KEY": "k", "CALYPSO_API_SECRET_FILE": secretFile.path,
        ])
        #expect(result.error.contains("readable by group or others") && result.error.contains("chmod 600"))
        #expect(!result.error.contains("very-secret-value") && !result.output.contains("very-secret-value"))
    }
}
