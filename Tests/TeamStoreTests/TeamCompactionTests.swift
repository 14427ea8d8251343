import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import PostgresNIO
import Testing
@testable import TeamStore

/// Compacting the change log, and desks that were closed across it. Against a real PostgreSQL.
@Suite(.serialized) struct TeamCompactionTests {
    func account() -> String { "0xteam-\(UUID().uuidString.prefix(8))" }

    @Test func aDeskClosedAcrossACompactionResyncsAndMissesNothing() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await busySandbox()
        defer { Task { await sandbox.stop() } }
        let account = account()
        let alice = try TestDesk(sandbox: sandbox, account: account, operatorName: "alice", host: "desk-a")
        let bob = try TestDesk(sandbox: sandbox, account: account, operatorName: "bob", host: "desk-b")
        let aliceLoop = alice.start()
        #expect(await eventually { alice.desk.status.role == .polling })
        let bobLoop = bob.start()
        #expect(await eventually { bob.desk.status.role == .following })
        try await Task.sleep(for: .seconds(2))
        bobLoop.cancel()
        await bobLoop.value
        let closedAt = try bob.store.replicaSequence()
        #expect(closedAt > 0)

        // While bob is closed: more deposits, a note, then the log is compacted past bob.
        try await Task.sleep(for: .seconds(3))
        let customer = try #require(await sandbox.state().customers.first)
        try await alice.actions.addNote(customerId: customer.id, text: "while bob was away")
        try await Task.sleep(for: .milliseconds(500))
        let compaction = try await alice.team.compact(keeping: .zero)
        #expect(compaction.removed > 0 && compaction.horizon > closedAt && compaction.remaining >= 1)
        if case .changes = try await alice.team.changes(after: closedAt) { Issue.record("a read behind the horizon was not refused") }
        aliceLoop.cancel()
        await aliceLoop.value
        // Nobody polls from here on, so the poller's store is the truth to compare with.
        let lock = try await eventuallyHold(account)
        defer { Task { try? await lock.close() } }
        let truth = Dictionary(try alice.store.allTransactions().map { ($0.id, $0.state) }, uniquingKeysWith: { $1 })
        #expect(!truth.isEmpty)

        // Bob opens again: behind the horizon, he resyncs from the team's tables.
        let reopened = TeamDesk(team: bob.team, store: bob.store, events: bob.events, pollerEvents: bob.pollerEvents, engine: bob.engine,
                                refreshInterval: .seconds(1))
        let bobAgain = Task { await reopened.run() }
        defer { bobAgain.cancel() }
        #expect(await eventually {
            let mine = Dictionary(((try? bob.store.allTransactions()) ?? []).map { ($0.id, $0.state) }, uniquingKeysWith: { $1 })
            return truth.allSatisfy { mine[$0.key] == $0.value }
        }, "after the resync bob lacks deposits, or has them in other states, than the poller stored")
        #expect(try bob.store.replicaSequence() >= compaction.horizon)
        #expect(try bob.store.caseHistory(customerId: customer.id).contains { $0.detail == "while bob was away" })
        #expect(await bob.engine.statistics.requests == 0)
    }

    @Test func compactionKeepsTheWindowAndADeskWithinItReadsTheLog() async throws {
        guard TestPostgres.urlText != nil else { return }
        let team = try #require(try TestPostgres.team())
        let customers = (0..<3).map { StoreChange.customer(CustomerSummary(id: UUID().uuidString.lowercased(), email: "c\($0)@example.com")) }
        try await team.publish(customers)
        let kept = try await team.compact(keeping: .seconds(3600))
        #expect(kept == TeamStore.Compaction(removed: 0, horizon: 0, remaining: 3))
        guard case .changes(let all) = try await team.changes(after: 0) else { throw TestFailure("an uncompacted log asked for a resync") }
        #expect(all.count == 3)

        // Even with nothing kept, the newest change stays, and a desk that read it is not behind.
        let emptied = try await team.compact(keeping: .zero)
        #expect(emptied.removed == 2 && emptied.remaining == 1)
        let last = try await team.lastSequence()
        guard case .changes(let none) = try await team.changes(after: last) else { throw TestFailure("a current desk was sent to resync") }
        #expect(none.isEmpty)
        guard case .behindHorizon = try await team.changes(after: 0) else { throw TestFailure("a new desk was not sent to resync") }

        // A new desk resyncs from the tables: it gets all three customers.
        let store = try DeskStore.open(dataDirectory: try temporaryDirectory("compaction"), account: team.account)
        try await team.refreshReplica(store)
        for case .customer(let customer) in customers { #expect(try store.customer(id: customer.id)?.email == customer.email) }
        #expect(try store.replicaSequence() == last)
        await team.close()
    }

    /// The lock is free once the stopped poller's connection has closed.
    private func eventuallyHold(_ account: String) async throws -> PostgresConnection {
        for _ in 0..<100 {
            if let connection = try? await holdPollerLock(account) { return connection }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await holdPollerLock(account)
    }
}
