import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing
import TestScratch

/// A sandbox with a world file continues where it stopped: customers, purses, deposits (an
/// unfinished one still walks), and new ids never repeat the first run's.
@Suite struct WorldFileTests {
    @Test func aRestartContinuesTheWorld() async throws {
        let directory = ScratchRoot.url.appendingPathComponent("sandbox-world-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("world.json")
        var firstState: SandboxState?
        var pending: Transaction?
        var customerId = ""
        try await withSandbox({ $0.seedCustomers = 3; $0.worldFile = file }) { server, client in
            #expect(!server.restoredWorld)
            let customer = try await client.createCustomer(CustomerCreateRequest(email: "keep@example.com"))
            customerId = customer.id
            _ = try await client.blockCustomer(id: customer.id)
            _ = try await server.injectDeposit(customerId: customer.id, currency: "ETH", pacing: .instant)
            pending = try await server.injectDeposit(customerId: customer.id, currency: "BTC", pacing: .manual)
            firstState = await server.state()
        }
        #expect(FileManager.default.fileExists(atPath: file.path), "stop saves the world")
        let before = try #require(firstState)

        try await withSandbox({ $0.seedCustomers = 3; $0.worldFile = file }) { server, client in
            #expect(server.restoredWorld)
            let after = await server.state()
            #expect(after.customers == before.customers)
            #expect(after.transactions.map(\.id) == before.transactions.map(\.id))
            #expect(after.transactions.map(\.transactionState) == before.transactions.map(\.transactionState))
            #expect(after.purses.compactMap(\.purse.id).sorted() == before.purses.compactMap(\.purse.id).sorted())
            let purses = try await client.purses(customerId: customerId)
            #expect(purses.count == 2)
            // The address asked for again is the same purse: the world's purses are back.
            let eth = try await client.depositAddress(customerId: customerId, currency: "ETH")
            #expect(purses.contains { $0.id == eth.id })
            let stepped = try await server.stepDeposit(id: try #require(pending).id)
            #expect(stepped.transactionState == .pendingComplianceCheck)
            let newcomer = try await client.createCustomer(CustomerCreateRequest(email: "new@example.com"))
            #expect(!before.customers.contains { $0.id == newcomer.id })
            #expect(try await client.transaction(id: before.transactions[0].id).amount == before.transactions[0].amount)
        }
    }

    @Test func anUnreadableWorldFileIsAClearError() async throws {
        let file = ScratchRoot.url.appendingPathComponent("sandbox-bad-\(UUID().uuidString).json")
        try Data("{not json".utf8).write(to: file)
        var configuration = SandboxConfiguration()
        configuration.worldFile = file
        configuration.traffic.enabled = false
        let server = SandboxServer(configuration: configuration)
        await #expect(throws: SandboxWorldFileError.self) { try await server.start() }
        await server.stop()
    }
}
