import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation

/// API requests per refresh for the live feed, with the sandbox holding N customers and live traffic.
enum FeedRequestsBenchmark {
    struct Figure {
        var customers: Int
        var maxFeedRequests: Int
        var maxRequests: Int
        var budget: Int
    }

    static func run(customers: Int, refreshes: Int = 6, report: BenchReport) async throws -> Figure {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = customers
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 5, stepSeconds: 1)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-bench-feed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try DeskStore.open(dataDirectory: directory, account: sandbox.account)
        _ = try store.importCustomers(await sandbox.state().customers)
        let settings = SyncSettings()
        let engine = SyncEngine(api: CalypsoClient(credentials: sandbox.credentials), store: store, events: EventHub(), settings: settings)
        await engine.refreshOnce()  // the first pass fills the empty store
        var maxFeed = 0, maxTotal = 0
        for _ in 0..<refreshes {
            try await Task.sleep(for: .seconds(1))
            await engine.refreshOnce()
            let statistics = await engine.statistics
            maxFeed = max(maxFeed, statistics.lastFeedRequests)
            maxTotal = max(maxTotal, statistics.lastRefreshRequests)
        }
        report.note("feed at \(customers) customers: at most \(maxFeed) feed requests, \(maxTotal) in all, per refresh")
        return Figure(customers: customers, maxFeedRequests: maxFeed, maxRequests: maxTotal, budget: settings.requestsPerRefresh)
    }
}
