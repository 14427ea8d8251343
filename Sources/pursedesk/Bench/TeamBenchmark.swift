import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import TeamStore

/// One poller in this process and 1, 5 and 20 headless following desks, each in its own process
/// (`bench team desk`) as real desks are, against one sandbox and a team store: API requests per
/// second, poller-write → follower-store latency, and what PostgreSQL writes per deposit event.
enum TeamBenchmark {
    static func run(storeText: String, connector: TeamConnector, followerCounts: [Int], seconds: Int, report: BenchReport) async throws {
        var configuration = SandboxConfiguration()
        configuration.seed = UInt64.random(in: 2...UInt64.max)
        configuration.seedCustomers = 50
        configuration.timeScale = 1
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 5, stepSeconds: 1)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-bench-team-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }

        var oneDeskRate: Double?
        for followers in [0] + followerCounts {
            report.note("\(followers) following desks (separate processes) for \(seconds) s")
            let figures = try await measure(followers: followers, storeText: storeText, connector: connector, sandbox: sandbox,
                                            seconds: seconds, scratch: scratch.appendingPathComponent("f\(followers)"))
            if followers == 0 {
                oneDeskRate = figures.requestsPerSecond
                report.add("API requests/s, one desk alone", String(format: "%.2f", figures.requestsPerSecond), target: "baseline", met: nil)
                continue
            }
            let baseline = oneDeskRate ?? figures.requestsPerSecond
            report.add("API requests/s, poller + \(followers) following desks",
                       String(format: "%.2f (alone %.2f; followers %d)", figures.requestsPerSecond, baseline, figures.followerRequests),
                       target: "≤ one desk +20%", met: figures.requestsPerSecond <= baseline * 1.2 + 0.5)
            let p50 = BenchReport.percentile(figures.latencies, 0.5), p99 = BenchReport.percentile(figures.latencies, 0.99)
            report.add("poller write → follower store, \(followers) desks (\(figures.latencies.count) samples)",
                       String(format: "p50 %.1f ms, p99 %.1f ms", p50, p99), target: "p99 ≤ 250 ms", met: !figures.latencies.isEmpty && p99 <= 250)
            if figures.depositEvents > 0 {
                report.add("PostgreSQL writes per deposit event, \(followers) desks",
                           String(format: "%.1f rows, %.0f WAL bytes", Double(figures.rows) / Double(figures.depositEvents),
                                  Double(figures.walBytes) / Double(figures.depositEvents)), target: "info", met: nil)
            }
        }
    }

    struct Figures {
        var requestsPerSecond: Double
        /// What the following desks spent themselves (they poll nothing while they follow).
        var followerRequests: Int
        var latencies: [Double]
        var depositEvents: Int
        var rows: Int64
        var walBytes: Int64
    }

    private static func measure(followers: Int, storeText: String, connector: TeamConnector, sandbox: SandboxServer, seconds: Int,
                                scratch: URL) async throws -> Figures {
        let account = "bench-\(UUID().uuidString.prefix(8))"
        let client = CalypsoClient(credentials: sandbox.credentials)
        // Latency is sampled within the window; PostgreSQL's writes are divided by every deposit
        // change from the window's start until the poller stops.
        let measuring = Locked(false), counting = Locked(false)
        let written = Locked<[String: Double]>([:])
        let counted = Locked<Set<String>>([])
        let store = try DeskStore.open(dataDirectory: scratch, account: "\(account)-poller")
        let team = TeamStore(connector: connector, account: account, origin: DeskOrigin(operatorName: "bench", host: "poller"))
        let events = EventHub<DeskEvent>(), pollerEvents = EventHub<DeskEvent>()
        let engine = SyncEngine(api: client, store: store, events: pollerEvents, settings: SyncSettings(refreshInterval: .seconds(1)))
        let poller = TeamDesk(team: team, store: store, events: events, pollerEvents: pollerEvents, engine: engine, refreshInterval: .seconds(1))
        let fromPoller = pollerEvents.subscribe()
        let watcher = Task {
            for await event in fromPoller where counting.current {
                guard let key = key(event) else { continue }
                counted.withLock { _ = $0.insert(key) }
                guard measuring.current else { continue }
                let now = Date().timeIntervalSince1970 * 1000
                written.withLock { $0[key] = $0[key] ?? now }
            }
        }
        _ = try await team.migrate()
        let loop = Task { await poller.run() }
        guard await waitFor(.seconds(20), { poller.status.role == .polling }) else {
            throw CommandFailure(message: "the benchmark's poller did not take the poller lock within 20 s", exitCode: 1)
        }
        var desks: [FollowerProcess] = []
        defer { desks.forEach { $0.stop() } }
        for index in 0..<followers {
            desks.append(try FollowerProcess(storeText: storeText, account: account, credentials: sandbox.credentials,
                                             dataDirectory: scratch.appendingPathComponent("desk-\(index)")))
        }
        guard await waitFor(.seconds(60), { desks.allSatisfy { $0.role == "following" } }) else {
            throw CommandFailure(message: "not every following desk started within 60 s", exitCode: 1)
        }
        // Statistics reach pg_stat_user_tables within a second: the start-up's writes are counted before the window.
        try await Task.sleep(for: .milliseconds(1500))
        let before = try await team.writeFigures()
        let requestsBefore = await engine.statistics.requests
        counting.withLock { $0 = true }
        measuring.withLock { $0 = true }
        try await Task.sleep(for: .seconds(seconds))
        measuring.withLock { $0 = false }
        let requestsDuring = await engine.statistics.requests - requestsBefore
        // The last changes get their time to arrive; the followers stop before the poller, so that
        // none of them takes over polling.
        try await Task.sleep(for: .seconds(1))
        var followerRequests = 0
        for desk in desks { followerRequests += await desk.finish() }
        loop.cancel()
        await loop.value
        counting.withLock { $0 = false }
        watcher.cancel()
        try await Task.sleep(for: .milliseconds(1500)) // PostgreSQL's statistics count within a second
        let after = try await team.writeFigures()
        await team.close()
        let sent = written.current
        let latencies = desks.flatMap { desk in
            desk.arrivals.compactMap { arrival in sent[arrival.key].map { max(0, arrival.milliseconds - $0) } }
        }
        return Figures(requestsPerSecond: Double(requestsDuring + followerRequests) / Double(seconds), followerRequests: followerRequests,
                       latencies: latencies,
                       depositEvents: counted.current.count, rows: after.rows - before.rows, walBytes: after.walBytes - before.walBytes)
    }

    private static func waitFor(_ limit: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// A deposit's state change, the unit of latency: the same at the poller and at a follower.
    static func key(_ event: DeskEvent) -> String? {
        switch event {
        case .newDeposit(let tx), .stateChanged(let tx, _), .credited(let tx):
            "\(tx.id)/\(tx.state.rawValue)/\(tx.credited)"
        default: nil
        }
    }
}
