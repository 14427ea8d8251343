import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing

/// The sync engine against the sandbox over real loopback HTTP, on a real SQLite file.
@Suite struct SyncAgainstSandboxTests {
    func startSandbox(customers: Int, seed: UInt64 = 7) async throws -> SandboxServer {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = customers
        configuration.seed = seed
        configuration.timeScale = 20
        configuration.traffic = TrafficSettings(enabled: false, stepSeconds: 4)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        return sandbox
    }

    @Test func storeMatchesTheSandboxTruthWithinBudget() async throws {
        let sandbox = try await startSandbox(customers: 1000)
        defer { Task { await sandbox.stop() } }
        let client = CalypsoClient(credentials: sandbox.credentials)
        let store = try temporaryStore("truth")
        let customers = await sandbox.state().customers
        _ = try store.importCustomers(customers)
        let settings = SyncSettings(refreshInterval: .seconds(1), requestsPerSecond: 30)
        let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings)
        let loop = Task { await engine.run() }
        defer { loop.cancel() }

        let currencies: [Currency] = ["ETH", "USDT_BSC", "USDT_TRX", "BTC", "POL"]
        for index in 0..<80 {
            try await sandbox.injectDeposit(customerId: customers[(index * 37) % customers.count].id,
                                            currency: currencies[index % currencies.count], decline: index % 9 == 0)
            try await Task.sleep(for: .milliseconds(40))
        }
        #expect(await eventually(timeout: .seconds(30)) { await sandbox.counts().unfinishedTransactions == 0 })
        let matched = try await eventually(timeout: .seconds(20)) { try await mismatches(store, sandbox).isEmpty }
        let remaining = try await mismatches(store, sandbox)
        #expect(matched, "\(remaining.prefix(5))")

        let statistics = await engine.statistics
        #expect(statistics.maxRefreshRequests <= settings.requestsPerRefresh)
        #expect(statistics.maxFeedRequests <= settings.maxFeedPages)
        #expect(statistics.refreshes >= 3)
        #expect(try store.integrityCheck() == "ok")
        let connection = await engine.connection
        if case .live = connection {} else { Issue.record("connection is \(connection)") }
    }

    @Test func liveFeedRequestsDoNotGrowWithCustomers() async throws {
        var feedRequests: [Int: [Int]] = [:]
        for customers in [100, 3000] {
            let sandbox = try await startSandbox(customers: customers, seed: 11)
            let client = CalypsoClient(credentials: sandbox.credentials)
            let store = try temporaryStore("flat-\(customers)")
            let ids = await sandbox.state().customers.map(\.id)
            _ = try store.importCustomers(await sandbox.state().customers)
            let engine = SyncEngine(api: client, store: store, events: EventHub(),
                                    settings: SyncSettings(refreshInterval: .seconds(1), requestsPerSecond: 20))
            for index in 0..<30 {
                try await sandbox.injectDeposit(customerId: ids[index * 3], currency: "ETH", pacing: .instant)
            }
            var perRefresh: [Int] = []
            for _ in 0..<4 {
                await engine.refreshOnce()
                let statistics = await engine.statistics
                perRefresh.append(statistics.lastFeedRequests)
                #expect(statistics.lastRefreshRequests <= 20)
            }
            feedRequests[customers] = perRefresh
            await sandbox.stop()
        }
        #expect(feedRequests[100] == feedRequests[3000], "\(feedRequests)")
        #expect(feedRequests[3000]?.allSatisfy { $0 <= 2 } == true, "\(feedRequests)")
    }

    @Test func focusedCustomerIsFreshWithinOneRefresh() async throws {
        let sandbox = try await startSandbox(customers: 1000)
        defer { Task { await sandbox.stop() } }
        let client = CalypsoClient(credentials: sandbox.credentials)
        let store = try temporaryStore("focus")
        let customers = await sandbox.state().customers
        _ = try store.importCustomers(customers)
        let settings = SyncSettings(refreshInterval: .seconds(2), requestsPerSecond: 5)
        let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings)
        let loop = Task { await engine.run() }
        defer { loop.cancel() }
        #expect(await eventually { await engine.statistics.refreshes >= 1 })

        let target = customers[777].id
        let purse = try await client.depositAddress(customerId: target, currency: "TRX")
        let started = ContinuousClock.now
        await engine.focus(customerId: target)
        let fresh = try await eventually(timeout: .seconds(2)) { try store.purses(customerId: target).contains { $0.address == purse.address } }
        let elapsed = ContinuousClock.now - started
        #expect(fresh, "focused customer not refreshed within one interval (\(elapsed))")
    }

    @Test func failuresShowStaleThenErrorAndRecover() async throws {
        let sandbox = try await startSandbox(customers: 20)
        defer { Task { await sandbox.stop() } }
        var options = ClientOptions()
        options.readRetries = 0
        options.timeout = .seconds(2)
        let client = CalypsoClient(credentials: sandbox.credentials, options: options)
        let store = try temporaryStore("faults")
        var settings = SyncSettings(refreshInterval: .seconds(1), requestsPerSecond: 10)
        settings.failingAlertAfter = 3
        settings.retryDelay = .milliseconds(20)
        let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings)
        #expect(await engine.refreshOnce())

        var faults = SandboxFaults.none
        faults.serverErrorShare = 1
        sandbox.setFaults(faults)
        #expect(await !engine.refreshOnce())
        guard case .retrying(let reason, _) = await engine.connection else { Issue.record("expected retrying"); return }
        #expect(reason.contains("500"))
        #expect(await engine.statistics.retries == settings.retriesPerRequest)
        #expect(await !engine.refreshOnce())
        guard case .stale(_, let staleReason) = await engine.connection else { Issue.record("expected stale"); return }
        #expect(staleReason.contains("500"))
        #expect(try !store.alerts().contains { $0.kind == .syncFailing })
        #expect(await !engine.refreshOnce())
        guard case .error = await engine.connection else { Issue.record("expected error after 3 failures"); return }
        #expect(try store.alerts().contains { $0.kind == .syncFailing })

        sandbox.setFaults(.none)
        #expect(await engine.refreshOnce())
        guard case .live = await engine.connection else { Issue.record("expected live after recovery"); return }
    }
}
