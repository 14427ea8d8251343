import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import PostgresNIO
import Testing
@testable import TeamStore

/// What a following desk does on its own: fetch what its operator opens, and hear the case notes
/// other desks write. Against a real PostgreSQL and the sandbox.
@Suite(.serialized) struct TeamFollowerTests {
    func account() -> String { "0xteam-\(UUID().uuidString.prefix(8))" }

    @Test func aFollowingDeskFetchesOnlyTheCustomerItsOperatorOpensAndSharesWhatItLearns() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await quietSandbox()
        defer { Task { await sandbox.stop() } }
        let customer = try #require(await sandbox.state().customers.first)
        let issued = try await CalypsoClient(credentials: sandbox.credentials).depositAddress(customerId: customer.id, currency: Currency("BTC"))
        let account = account()
        let lock = try await holdPollerLock(account)
        defer { Task { try? await lock.close() } }
        let bob = try TestDesk(sandbox: sandbox, account: account, operatorName: "bob", host: "desk-b", interval: .milliseconds(300))
        let carol = try TestDesk(sandbox: sandbox, account: account, operatorName: "carol", host: "desk-c", interval: .milliseconds(300))
        let loops = [bob.start(), carol.start()]
        defer { loops.forEach { $0.cancel() } }
        #expect(await eventually { bob.desk.status.role == .following && carol.desk.status.role == .following })

        // Following, nobody opened anything: no feed, no sweep.
        try await Task.sleep(for: .seconds(1))
        #expect(await bob.engine.statistics.requests == 0, "a following desk polled on its own")

        await bob.engine.focus(customerId: customer.id)
        #expect(await eventually { ((try? bob.store.purses(customerId: customer.id)) ?? []).contains { $0.purseId == issued.id } },
                "the opened customer's purses were not fetched")
        let spent = await bob.engine.statistics.requests
        #expect(spent >= 1 && spent <= SyncSettings().followerRequestsPerFetch, "the fetch spent \(spent) requests")

        // What it learned went to the team: the mirrored table and the other desk's replica.
        // The outbox publishes after the local write, so the team's copy may lag a moment.
        #expect(await eventually {
            let shared = (try? await TestPostgres.query("""
                SELECT count(*) FROM pursedesk_purse WHERE account = \(account) AND customer_id = \(customer.id)
                """, as: Int.self)) ?? []
            return (shared.first ?? 0) >= 1
        }, "the fetched purse did not reach the team store")
        let origins = try await TestPostgres.query("""
            SELECT DISTINCT origin FROM pursedesk_change_log WHERE account = \(account) AND kind = 'purse'
            """, as: String.self)
        #expect(origins == ["bob@desk-b"])
        #expect(await eventually { ((try? carol.store.purses(customerId: customer.id)) ?? []).contains { $0.purseId == issued.id } },
                "the other desk did not get what the fetching desk learned")
        #expect(await carol.engine.statistics.requests == 0)

        // `r` fetches again, but not more than once per refresh interval, and never the sweep.
        for _ in 0..<5 { await bob.engine.refreshNow() }
        #expect(await eventually(timeout: .seconds(3)) { await bob.engine.statistics.requests > spent }, "`r` did not fetch")
        try await Task.sleep(for: .milliseconds(500))
        let afterRefresh = await bob.engine.statistics.requests
        #expect(afterRefresh - spent <= SyncSettings().followerRequestsPerFetch, "five `r` presses at once spent \(afterRefresh - spent) requests")
        await bob.engine.focus(customerId: nil)
        try await Task.sleep(for: .milliseconds(600)) // a fetch in flight ends
        let settled = await bob.engine.statistics.requests
        try await Task.sleep(for: .seconds(1))
        #expect(await bob.engine.statistics.requests == settled, "a following desk fetched with nothing open")
    }

    @Test func aNoteAddedAtOneDeskReachesTheOtherAsAnEventForThatCustomer() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await quietSandbox()
        defer { Task { await sandbox.stop() } }
        let customer = try #require(await sandbox.state().customers.first)
        let account = account()
        let alice = try TestDesk(sandbox: sandbox, account: account, operatorName: "alice", host: "desk-a")
        let bob = try TestDesk(sandbox: sandbox, account: account, operatorName: "bob", host: "desk-b")
        let loops = [alice.start(), bob.start()]
        defer { loops.forEach { $0.cancel() } }
        #expect(await eventually { alice.desk.status.role != .starting && bob.desk.status.role != .starting })
        let bobHears = bob.events.subscribe()

        try await alice.actions.addNote(customerId: customer.id, text: "called back, ticket 77")
        let started = ContinuousClock.now
        var heard: AuditRecord?
        for await event in bobHears {
            if case .auditRecorded(let record) = event, record.action == "customer.note", event.customerId == customer.id {
                heard = record
                break
            }
        }
        #expect(heard?.detail?.contains("ticket 77") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
        // What the open detail reloads: the case history of this desk's replica.
        #expect(try bob.store.caseHistory(customerId: customer.id).contains { $0.detail?.contains("ticket 77") == true })

        // The same entry again (a replay) is no news.
        let again = try bob.store.applyReplicated([.audit(try #require(heard))], throughSequence: try bob.store.replicaSequence())
        #expect(again.isEmpty)
    }
}
