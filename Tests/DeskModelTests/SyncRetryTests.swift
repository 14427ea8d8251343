import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing

/// The real client against the sandbox, with chosen requests failing first: how the engine
/// retries, what the header hears, and what it counts.
@Suite struct SyncRetryTests {
    /// Passes calls to the real client, failing the ones whose number (from 1) is listed.
    final class FailingCalls: SyncAPI {
        let client: CalypsoClient
        let failing: Set<Int>
        let error: CalypsoError
        private let calls = Locked(0)

        init(_ client: CalypsoClient, failing: Set<Int>, error: CalypsoError = .transport(.connectionRefused)) {
            self.client = client
            self.failing = failing
            self.error = error
        }

        private func next() throws(CalypsoError) {
            let call = calls.withLock { $0 += 1; return $0 }
            if failing.contains(call) { throw error }
        }

        func findTransactions(_ request: TransactionFindRequest) async throws(CalypsoError) -> TransactionPage {
            try next()
            return try await client.findTransactions(request)
        }

        func purses(customerId: String) async throws(CalypsoError) -> [Purse] {
            try next()
            return try await client.purses(customerId: customerId)
        }

        func transaction(id: String) async throws(CalypsoError) -> Transaction {
            try next()
            return try await client.transaction(id: id)
        }
    }

    func withSandbox(customers: Int = 20, _ body: (SandboxServer, CalypsoClient, DeskStore) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = customers
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        let directory = try temporaryDirectory("retry")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try DeskStore.open(dataDirectory: directory, account: sandbox.account)
        _ = try store.importCustomers(await sandbox.state().customers)
        do {
            try await body(sandbox, CalypsoClient(credentials: sandbox.credentials).with { $0.readRetries = 0 }, store)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    func settings() -> SyncSettings {
        var settings = SyncSettings(refreshInterval: .seconds(1), requestsPerSecond: 20)
        settings.retryDelay = .milliseconds(10)
        return settings
    }

    @Test func aFaultTheRetryAbsorbedIsCountedAndShown() async throws {
        try await withSandbox { _, client, store in
            let engine = SyncEngine(api: FailingCalls(client, failing: [1]), store: store, events: EventHub(), settings: settings())
            let states = Locked<[ConnectionState]>([])
            let updates = engine.statusUpdates.subscribe()  // before the refresh, not whenever the task starts
            let watcher = Task { for await status in updates { states.withLock { $0.append(status.connection) } } }
            defer { watcher.cancel() }
            #expect(await engine.refreshOnce())
            let connection = await engine.connection
            #expect(connection.isLive)
            #expect(connection.text(now: Date()) == "live · 1 retry")
            let statistics = await engine.statistics
            #expect(statistics.retries == 1 && statistics.absorbedFaults == 1 && statistics.failedRefreshes == 0)
            #expect(await eventually(timeout: .seconds(2)) { states.current.count >= 2 })
            #expect(states.current.first == .retrying(reason: "connection refused", lastSuccess: nil), "\(states.current)")
        }
    }

    @Test func absorbedRetriesAgeOut() async throws {
        try await withSandbox { _, client, store in
            var settings = settings()
            settings.absorbedRetryWindow = .seconds(1)
            // A clock of the test's: the window is measured on it, however long the refreshes take.
            let clock = Locked(Date())
            let engine = SyncEngine(api: FailingCalls(client, failing: [1, 3]), store: store, events: EventHub(), settings: settings,
                                    now: { clock.current })
            #expect(await engine.refreshOnce())
            #expect(await engine.refreshOnce())
            #expect(await engine.connection.text(now: clock.current) == "live · 2 retries")
            clock.withLock { $0 = $0.addingTimeInterval(1.2) }
            #expect(await engine.refreshOnce())
            #expect(await engine.connection.text(now: clock.current) == "live")
            #expect(await engine.statistics.absorbedFaults == 2)
        }
    }

    @Test func aPermanentErrorIsNotRetried() async throws {
        try await withSandbox { _, client, store in
            let denied = CalypsoError.authentication(status: 401, code: "003", message: nil, traceId: nil)
            let engine = SyncEngine(api: FailingCalls(client, failing: [1], error: denied), store: store, events: EventHub(), settings: settings())
            #expect(await !engine.refreshOnce())
            #expect(await engine.statistics.retries == 0)
            #expect(await engine.connection == .retrying(reason: "wrong signature (003)", lastSuccess: nil))
        }
    }

    @Test func aStoppedAPIShowsAtOnceAndRecoveryWithinOneRefresh() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 10
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        let directory = try temporaryDirectory("outage")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try DeskStore.open(dataDirectory: directory, account: sandbox.account)
        let client = CalypsoClient(credentials: sandbox.credentials).with { $0.readRetries = 0 }
        let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings())
        let loop = Task { await engine.run() }
        defer { loop.cancel() }
        #expect(await eventually(timeout: .seconds(5)) { await engine.connection.isLive })

        var down = SandboxFaults.none
        down.down = true
        sandbox.setFaults(down)
        let stopped = ContinuousClock.now
        #expect(await eventually(timeout: .seconds(3)) { await engine.connection.reason != nil })
        let noticed = ContinuousClock.now - stopped
        #expect(noticed < .milliseconds(1500), "refresh interval 1 s; noticed after \(noticed)")
        #expect(await eventually(timeout: .seconds(15)) { if case .stale = await engine.connection { true } else { false } })

        sandbox.setFaults(.none)
        let restored = ContinuousClock.now
        #expect(await eventually(timeout: .seconds(3)) { await engine.connection.isLive })
        let recovered = ContinuousClock.now - restored
        #expect(recovered < .milliseconds(1500), "refresh interval 1 s; recovered after \(recovered)")
        await sandbox.stop()
    }

    @Test func fetchTimesOlderThanFreshnessAreForgotten() async throws {
        try await withSandbox(customers: 30) { _, client, store in
            var settings = settings()
            settings.rowFreshness = .seconds(1)
            settings.backgroundRequestsPerRefresh = 8
            let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings)
            for _ in 0..<4 { #expect(await engine.refreshOnce()) }
            let afterBusyRefreshes = await engine.rememberedFetchTimes
            #expect(afterBusyRefreshes >= 8)
            try await Task.sleep(for: .milliseconds(1100))
            #expect(await engine.refreshOnce())
            // Only the customers fetched by this refresh (two requests or more each) are remembered.
            let remembered = await engine.rememberedFetchTimes
            #expect(remembered <= (await engine.statistics.lastRefreshRequests) / 2)
            #expect(remembered < afterBusyRefreshes)
        }
    }
}
