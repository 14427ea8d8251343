import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing

/// `customer list/get`, the customer named in `tx get/find`, new versus existing addresses and
/// the audit details, through the built binary against the sandbox.
@Suite struct CustomerRegistryCLITests {
    let setup: SandboxCLISetup
    var sandbox: SandboxServer { setup.sandbox }
    var scratch: URL { setup.scratch }

    init() async throws {
        setup = try await SandboxCLISetup(seedCustomers: 3, scratchPrefix: "pursedesk-registry")
    }

    /// No `$USER` or `$LOGNAME`: the operator's name must come from the password database.
    var environment: [String: String] {
        setup.environment
    }

    func run(_ arguments: [String]) async throws -> PursedeskBinary.Result {
        try await PursedeskBinary.run(arguments, environment: environment)
    }

    func jsonArray(_ result: PursedeskBinary.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]], "not JSON: \(result.output)")
    }

    @Test func anEmptyRegistrySaysHowToFillIt() async throws {
        let empty = try await run(["customer", "list"])
        #expect(empty.status == 0, "\(empty.error)")
        #expect(empty.output.contains("no customers in the local registry yet: `pursedesk sync`"), "\(empty.output)")
        let filtered = try await run(["customer", "list", "--blocked", "yes"])
        #expect(filtered.output.contains("no customers match"), "\(filtered.output)")
    }

    @Test func registryWorkflow() async throws {
        let created = try await run(["customer", "create", "--email", "ann@example.com", "--json"])
        #expect(created.status == 0, "\(created.error)")
        let ann = try #require((try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any])?["id"] as? String)

        // A seeded customer pursedesk meets only through a deposit: blocked on the server, unknown here.
        let stranger = try #require(await sandbox.state().customers.first { $0.id != ann })
        _ = try await CalypsoClient(credentials: sandbox.credentials).blockCustomer(id: stranger.id)
        let strangerDeposit = try await sandbox.injectDeposit(customerId: stranger.id, currency: "ETH", amount: Amount("0.5"), pacing: .instant)
        let annDeposit = try await sandbox.injectDeposit(customerId: ann, currency: "ETH", amount: Amount("1.25"), pacing: .instant)
        let synced = try await run(["snapshot"])
        #expect(synced.status == 0, "\(synced.error)")
        #expect(!synced.output.contains("(1 requests)"))
        // One vocabulary: the snapshot's table names purses and states as the dashboard and `tx find` do.
        #expect(synced.output.contains("ACTIVE ") && !synced.output.contains("PENDING_PAYMENT"), "\(synced.output)")

        let unknown = try jsonArray(try await run(["customer", "list", "--blocked", "unknown", "--json"]))
        #expect(unknown.map { $0["id"] as? String } == [stranger.id])
        #expect(unknown.first?["blocked"] is NSNull)
        let notBlocked = try jsonArray(try await run(["customer", "list", "--blocked", "no", "--json"]))
        #expect(notBlocked.map { $0["id"] as? String } == [ann])
        #expect(try jsonArray(try await run(["customer", "list", "--blocked", "yes", "--json"])).isEmpty)
        let table = try await run(["customer", "list", "--filter", "ANN@example"])
        #expect(table.status == 0 && table.output.contains("ann@example.com") && table.output.contains("1 customer\n"))
        #expect(!table.output.contains(stranger.id))
        let badFlag = try await run(["customer", "list", "--blocked", "maybe"])
        #expect(badFlag.status == 64 && badFlag.error.contains("yes, no or unknown"))

        let detail = try await run(["customer", "get", stranger.id])
        #expect(detail.status == 0, "\(detail.error)")
        #expect(detail.output.split(separator: "\n").contains { $0.hasPrefix("blocked") && $0.hasSuffix(" unknown") })
        #expect(detail.output.contains("1 stored (CONFIRMED 1, 1 credited)") && detail.output.contains(strangerDeposit.id))
        #expect(detail.output.contains("ETHEREUM") && detail.output.contains("ACTIVE"))
        let missing = try await run(["customer", "get", "3fa85f64-5717-4562-b3fc-2c963f66afa6"])
        #expect(missing.status == 4 && missing.error.contains("not in the local registry"))

        let txGet = try await run(["tx", "get", annDeposit.id])
        #expect(txGet.status == 0 && txGet.output.contains("ann@example.com (\(ann))"))
        let txFind = try await run(["tx", "find", "--customer", ann, "--state", "confirmed"])
        #expect(txFind.status == 0 && txFind.output.contains("ann@example.com") && txFind.output.contains("1 transaction in all"))

        let first = try await run(["purse", "get", ann, "USDT_BSC"])
        #expect(first.status == 0 && first.output.contains("new address issued"), "\(first.output)\(first.error)")
        let again = try await run(["purse", "get", ann, "USDT_BSC", "--json"])
        let againJSON = try #require(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [String: Any])
        #expect(againJSON["addressIs"] as? String == "existing")
        let address = try #require(againJSON["address"] as? String)

        #expect(try await run(["customer", "update", ann, "--description", "VIP"]).status == 0)
        #expect(try await run(["customer", "block", stranger.id, "--yes"]).status == 0)

        let store = try DeskStore.open(dataDirectory: scratch.appendingPathComponent("data/pursedesk"), account: sandbox.account)
        let audit = try store.auditLog()
        #expect(audit.allSatisfy { !$0.user.hasPrefix("uid ") && !$0.user.isEmpty }, "\(audit.map(\.user))")
        let update = try #require(audit.first { $0.action == "customer.update" })
        #expect(update.detail == "description: — → \"VIP\"" && update.targetEmail == "ann@example.com")
        let issues = audit.filter { $0.action == "purse.address" }
        #expect(issues.map(\.outcome) == ["existing address \(address)", "new address \(address)"])
        let create = try #require(audit.first { $0.action == "customer.create" })
        #expect(create.target == ann && create.outcome == "id=\(ann)")
        #expect(try store.customer(id: stranger.id)?.blockState == .blocked)
    }
}
