import AsyncHTTPClient
import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import NIOCore
import PostgresNIO
import Testing
@testable import TeamStore

/// Several desks against one real PostgreSQL and one sandbox. Each test has an account of its
/// own; the one that restarts PostgreSQL starts a cluster of its own.
@Suite struct TeamReplicationTests {
    func account() -> String { "0xteam-\(UUID().uuidString.prefix(8))" }

    @Test func oneDeskPollsAndTheOthersFollowWithTheSameDeposits() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await busySandbox()
        defer { Task { await sandbox.stop() } }
        let account = account()
        let desks = try (0..<3).map { try TestDesk(sandbox: sandbox, account: account, operatorName: "op\($0)", host: "desk-\($0)") }
        let loops = desks.map { $0.start() }
        defer { loops.forEach { $0.cancel() } }

        #expect(await eventually { desks.filter { $0.desk.status.role == .polling }.count == 1
                && desks.filter { $0.desk.status.role == .following }.count == 2 })
        try await Task.sleep(for: .seconds(4))
        let poller = try #require(desks.first { $0.desk.status.role == .polling })
        let followers = desks.filter { $0.desk.status.role == .following }
        #expect(followers.count == 2)
        let pollerDeposits = try poller.store.allTransactions()
        #expect(!pollerDeposits.isEmpty)
        for follower in followers {
            #expect(await eventually {
                let mine = (try? follower.store.allTransactions().map(\.id)) ?? []
                return Set(mine).isSuperset(of: pollerDeposits.map(\.id))
            }, "a follower lacks deposits the poller stored")
            #expect(await follower.engine.statistics.requests == 0, "a follower spent API requests")
        }
        #expect(await poller.engine.statistics.requests > 0)
    }

    @Test func aCustomerCreatedAtOneDeskShowsAtTheOtherAndTheAuditNamesTheOperator() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await quietSandbox()
        defer { Task { await sandbox.stop() } }
        let account = account()
        let alice = try TestDesk(sandbox: sandbox, account: account, operatorName: "alice", host: "desk-a")
        let bob = try TestDesk(sandbox: sandbox, account: account, operatorName: "bob", host: "desk-b")
        let loops = [alice.start(), bob.start()]
        defer { loops.forEach { $0.cancel() } }
        let bobSees = bob.events.subscribe()

        let created = try await alice.actions.createCustomer(CustomerCreateRequest(email: "team@example.com", description: nil, externalId: nil))
        let started = ContinuousClock.now
        var seen = false
        for await event in bobSees {
            if case .customerAdded(let customer) = event, customer.id == created.id { seen = true; break }
        }
        #expect(seen)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(try bob.store.customer(id: created.id)?.email == "team@example.com")

        let audit = try await alice.team.auditLog(target: created.id)
        #expect(audit.count == 1)
        #expect(audit.first?.operatorName == "alice" && audit.first?.host == "desk-a" && audit.first?.result == "succeeded")
        #expect(await eventually { (try? bob.store.auditLog().contains { $0.action == "customer.create" && $0.result == .succeeded }) == true },
                "the shared audit entry did not reach the other desk")
    }

    @Test func twoDesksBlockingOneCustomerAtOnceAreBothAuditedAndNeitherFails() async throws {
        guard TestPostgres.urlText != nil else { return }
        let sandbox = try await quietSandbox()
        defer { Task { await sandbox.stop() } }
        let customer = try #require(await sandbox.state().customers.first { !$0.blocked })
        let account = account()
        let alice = try TestDesk(sandbox: sandbox, account: account, operatorName: "alice", host: "desk-a")
        let bob = try TestDesk(sandbox: sandbox, account: account, operatorName: "bob", host: "desk-b")
        let loops = [alice.start(), bob.start()]
        defer { loops.forEach { $0.cancel() } }

        async let first = alice.actions.block(customerId: customer.id, confirmation: .confirmed(by: "alice"), reason: "ticket 41")
        async let second = bob.actions.block(customerId: customer.id, confirmation: .confirmed(by: "bob"), reason: "ticket 42")
        let results = try await [first, second]
        let allBlocked = results.allSatisfy { $0.blocked }
        #expect(allBlocked)

        let audit = try await alice.team.auditLog(target: customer.id)
        #expect(Set(audit.map(\.operatorName)) == ["alice", "bob"])
        #expect(audit.allSatisfy { $0.action == "customer.block" && $0.result == "succeeded" })
        #expect(audit.contains { $0.detail?.contains("ticket 41") == true } && audit.contains { $0.detail?.contains("ticket 42") == true })
        #expect(await sandbox.state().customers.first { $0.id == customer.id }?.blocked == true)
        for desk in [alice, bob] {
            #expect(await eventually { (try? desk.store.customer(id: customer.id)?.blocked) == true })
            #expect(await eventually { ((try? desk.store.caseHistory(customerId: customer.id)) ?? []).filter { $0.result == .succeeded }.count == 2 })
        }
    }

    @Test func actionsAreRefusedWhileTheTeamStoreIsUnreachable() async throws {
        let sandbox = try await quietSandbox()
        defer { Task { await sandbox.stop() } }
        let customer = try #require(await sandbox.state().customers.first { !$0.blocked })
        let url = try TeamStoreURL(parsing: "postgres://nobody@127.0.0.1:1/none?sslmode=disable", defaultUser: "x")
        let team = TeamStore(connector: TeamConnector(url: url, password: Secret("s3cret-pw")), account: account(),
                             origin: DeskOrigin(operatorName: "alice", host: "desk-a"))
        let store = try DeskStore.open(dataDirectory: try temporaryDirectory("team-refuse"), account: "x")
        let actions = OperatorActions(client: CalypsoClient(credentials: sandbox.credentials), store: store, events: EventHub(),
                                      user: "alice", journal: TeamActionJournal(team: team))
        do {
            _ = try await actions.block(customerId: customer.id, confirmation: .confirmed(by: "alice"))
            Issue.record("the block went through without an audit")
        } catch {
            guard case .notAudited = error else { Issue.record("unexpected \(error)"); return }
            let message = String(describing: error)
            #expect(message.contains("nothing was sent") && message.contains("unreachable"))
            #expect(!message.contains("s3cret-pw"))
        }
        #expect(await sandbox.state().customers.first { $0.id == customer.id }?.blocked == false)
    }

    @Test func aDeskClosedForAWhileCatchesUpBySequence() async throws {
        guard let team = try TestPostgres.team() else { return }
        let poller = try DeskStore.open(dataDirectory: try temporaryDirectory("team-closed-a"), account: "a")
        let closed = try DeskStore.open(dataDirectory: try temporaryDirectory("team-closed-b"), account: "b")
        try await team.publish([.customer(CustomerSummary(id: "c-before", email: "before@example.com"))])
        try await team.refreshReplica(closed)
        let reached = try closed.replicaSequence()
        // While "closed": many changes land.
        var changes: [StoreChange] = []
        for index in 0..<300 {
            let events = try poller.apply([TransactionObservation(id: "t\(index)", customerId: "c\(index % 7)", currency: "ETH", amount: "1",
                                                                  state: .memPoolFound, compliance: .unchecked, credited: false,
                                                                  createdAt: Date())], source: .poll)
            changes += StoreChange.changes(of: events)
        }
        try await team.publish(changes)
        var replayed: [DeskEvent] = []
        let read = try await team.refreshReplica(closed) { events, _ in replayed += events }
        #expect(read == changes.count)
        #expect(try closed.replicaSequence() > reached)
        #expect(try closed.allTransactions().count == 300)
        #expect(replayed.filter { if case .newDeposit = $0 { true } else { false } }.count == 300)
        // Reading again from the same sequence finds nothing new.
        #expect(try await team.refreshReplica(closed) == 0)
    }

    @Test func aWebhookDeliveredToTwoReceiversIsStoredOnce() async throws {
        guard let first = try TestPostgres.team(operatorName: "daemon", host: "host-1") else { return }
        let second = TeamStore(connector: first.connector, account: first.account, origin: DeskOrigin(operatorName: "daemon", host: "host-2"))
        let publicKey = "0123456789abcdef0123456789abcdef", secret = "fedcba9876543210fedcba9876543210"
        var receivers: [WebhookReceiver] = []
        for team in [first, second] {
            let store = try DeskStore.open(dataDirectory: try temporaryDirectory("team-hook"), account: "x")
            let receiver = WebhookReceiver(host: "127.0.0.1", port: 0, secrets: [publicKey: Secret(secret)], store: store,
                                           events: EventHub(), sink: TeamWebhookSink(team: team))
            try await receiver.start()
            receivers.append(receiver)
        }
        defer { for receiver in receivers { Task { await receiver.stop() } } }
        let body = Array(#"{"requestId":"r1","id":777001,"createdDate":"2025-10-30T14:08:39.96068","level":"INFO","service":"CUSTOMER_PURSE","eventType":"CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE","data":{"customerId":"c1","customerBlocked":false,"purseId":"p1","address":"0xa","currency":"ETH","transactionId":"tx-hook-1","amount":1.25}}"#.utf8)
        let sign = CalypsoSignature.sign(body: body, secret: secret)
        let firstURL = receivers[0].url, secondURL = receivers[1].url
        async let a = post(firstURL, body: body, key: publicKey, sign: sign)
        async let b = post(secondURL, body: body, key: publicKey, sign: sign)
        let statuses = try await [a, b]
        #expect(statuses == [200, 200])
        let replayStatus = try await post(firstURL, body: body, key: publicKey, sign: sign)
        #expect(replayStatus == 200)
        #expect(receivers.map(\.statistics.stored).reduce(0, +) == 1)
        #expect(receivers.map(\.statistics.duplicates).reduce(0, +) == 2)

        let account = first.account
        #expect(try await TestPostgres.query("SELECT count(*) FROM pursedesk_webhook_event WHERE account = \(account)", as: Int64.self) == [1])
        #expect(try await TestPostgres.query(
            "SELECT count(*) FROM pursedesk_change_log WHERE account = \(account) AND kind = 'webhook'", as: Int64.self) == [1])
        // A follower applies it once.
        let follower = try DeskStore.open(dataDirectory: try temporaryDirectory("team-hook-follower"), account: "x")
        var events: [DeskEvent] = []
        try await first.refreshReplica(follower) { batch, _ in events += batch }
        #expect(try follower.transaction(id: "tx-hook-1")?.state == .confirmed)
        #expect(events.filter { if case .newDeposit = $0 { true } else { false } }.count == 1)
    }

    @Test func aSchemaNewerThanTheBinaryIsRefusedNamingBothVersions() async throws {
        guard let url = try TestPostgres.url() else { return }
        let database = "pursedesk_future_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await TestPostgres.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), as: Int.self)
        var futureURL = url
        futureURL.database = database
        let team = TeamStore(connector: TeamConnector(url: futureURL, password: nil), account: "x", origin: DeskOrigin(operatorName: "a"))
        let applied = try await team.migrate()
        #expect(applied.count == TeamSchema.currentVersion)
        #expect(try await team.migrate().isEmpty)
        let connection = try await TeamConnector(url: futureURL, password: nil).connect()
        try await connection.query("INSERT INTO pursedesk_schema (version, summary) VALUES (99, 'from the future')", logger: .init(label: "t"))
        try await connection.close()
        do {
            _ = try await team.migrate()
            Issue.record("a newer schema was accepted")
        } catch {
            let expected = TeamStoreError.schemaTooNew(found: 99, supported: TeamSchema.currentVersion)
            let message = String(describing: error)
            #expect(message == expected.description)
            #expect(message.contains("version 99") && message.contains("(version \(TeamSchema.currentVersion))"))
        }
        await team.close()
    }

    @Test func followersCatchUpWithNothingLostOrDoubledAfterAPostgresRestart() async throws {
        guard TestPostgres.urlText != nil else { return }
        let cluster = try await TestPostgres.PrivateCluster.start()
        do {
            try await catchUpAfterRestart(of: cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    private func catchUpAfterRestart(of cluster: TestPostgres.PrivateCluster) async throws {
        let sandbox = try await busySandbox(customers: 20, depositsPerSecond: 4)
        defer { Task { await sandbox.stop() } }
        let account = account()
        let poller = try TestDesk(sandbox: sandbox, account: account, operatorName: "p", host: "desk-p", on: cluster)
        let pollerLoop = poller.start()
        defer { pollerLoop.cancel() }
        #expect(await eventually { poller.desk.status.role == .polling })
        let follower = try TestDesk(sandbox: sandbox, account: account, operatorName: "f", host: "desk-f", on: cluster)
        let newDeposits = Locked<[String: Int]>([:])
        let sawReconnecting = Locked(false)
        // Subscribed before the follower starts, not whenever the tasks start.
        let followerEvents = follower.events.subscribe(), followerStatus = follower.desk.statusUpdates.subscribe()
        let watcher = Task {
            for await event in followerEvents {
                if case .newDeposit(let tx) = event { newDeposits.withLock { $0[tx.id, default: 0] += 1 } }
            }
        }
        let statusWatcher = Task {
            for await status in followerStatus {
                if case .reconnecting = status.store { sawReconnecting.withLock { $0 = true } }
            }
        }
        defer { watcher.cancel(); statusWatcher.cancel() }
        let followerLoop = follower.start()
        defer { followerLoop.cancel() }
        #expect(await eventually { follower.desk.status.role == .following })
        try await Task.sleep(for: .seconds(2))

        try await cluster.pause()
        #expect(await eventually { sawReconnecting.current }, "the follower never showed the team store reconnecting")
        try await cluster.resume()

        // Either desk may hold the polling lock after the restart (whoever reconnects first). The one
        // polling gets everything the sandbox made up to now, and the other catches up with it,
        // holding nothing it lacks. (The sandbox keeps making deposits, so the follower is compared
        // with what the poller held once caught up, not with it at one instant.)
        let truthAtResume = Set(await sandbox.state().transactions.map(\.id))
        let desks = [poller, follower]
        #expect(await eventually { desks.filter { $0.desk.status.role == .polling }.count == 1 }, "no single poller after the restart")
        let leading = desks.firstIndex { $0.desk.status.role == .polling } ?? 0
        let (leader, trailing) = (desks[leading], desks[1 - leading])
        func ids(_ desk: TestDesk) -> Set<String> { Set((try? desk.store.allTransactions().map(\.id)) ?? []) }
        #expect(await eventually(timeout: .seconds(30)) { ids(leader).isSuperset(of: truthAtResume) }, "the poller did not catch up")
        let leaderCaughtUp = ids(leader)
        let caughtUp = await eventually(timeout: .seconds(30)) {
            let mine = ids(trailing)
            return mine.isSuperset(of: leaderCaughtUp) && mine.isSubset(of: ids(leader))
        }
        #expect(caughtUp, """
            the \(leading == 0 ? "former follower" : "follower") did not catch up with the poller: it lacks \
            \(leaderCaughtUp.subtracting(ids(trailing)).count) of \(leaderCaughtUp.count), has \
            \(ids(trailing).subtracting(ids(leader)).count) the poller lacks; its role \(String(describing: trailing.desk.status.role))
            """)
        #expect(await eventually { follower.desk.status.store == .connected })
        let doubled = newDeposits.current.filter { $0.value > 1 }
        #expect(doubled.isEmpty, "deposits announced twice: \(doubled)")
        #expect(!truthAtResume.isEmpty)
    }

    func post(_ url: URL, body: [UInt8], key: String, sign: String) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Key", value: key)
        request.headers.add(name: "Sign", value: sign)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
