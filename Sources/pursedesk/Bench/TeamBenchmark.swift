import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import TeamStore

/// One poller and 1, 5 and 20 headless following desks, in process, against one sandbox and a
/// team store: API requests per second, poller-write → follower-store latency, and what
/// PostgreSQL writes per deposit event.
enum TeamBenchmark {
    static func run(connector: TeamConnector, followerCounts: [Int], seconds: Int, report: BenchReport) async throws {
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
            report.note("\(followers) following desks for \(seconds) s")
            let figures = try await measure(followers: followers, connector: connector, sandbox: sandbox, seconds: seconds,
                                            scratch: scratch.appendingPathComponent("f\(followers)"))
            if followers == 0 {
                oneDeskRate = figures.requestsPerSecond
                report.add("API requests/s, one desk alone", String(format: "%.2f", figures.requestsPerSecond), target: "baseline", met: nil)
                continue
            }
            let baseline = oneDeskRate ?? figures.requestsPerSecond
            report.add("API requests/s, poller + \(followers) following desks", String(format: "%.2f (one desk: %.2f)", figures.requestsPerSecond, baseline),
                       target: "≤ one desk +20%", met: figures.requestsPerSecond <= baseline * 1.2 + 0.5)
            let p50 = BenchReport.percentile(figures.latencies, 0.5), p99 = BenchReport.percentile(figures.latencies, 0.99)
            report.add("poller write → follower store, \(followers) desks (\(figures.latencies.count) samples)",
                       String(format: "p50 %.1f ms, p99 %.1f ms", p50, p99), target: "p99 ≤ 250 ms", met: p99 <= 250)
            if figures.depositEvents > 0 {
                report.add("PostgreSQL writes per deposit event, \(followers) desks",
                           String(format: "%.1f rows, %.0f WAL bytes", Double(figures.rows) / Double(figures.depositEvents),
                                  Double(figures.walBytes) / Double(figures.depositEvents)), target: "info", met: nil)
            }
        }
    }

    struct Figures {
        var requestsPerSecond: Double
        var latencies: [Double]
        var depositEvents: Int
        var rows: Int64
        var walBytes: Int64
    }

    private static func measure(followers: Int, connector: TeamConnector, sandbox: SandboxServer, seconds: Int,
                                scratch: URL) async throws -> Figures {
        let account = "bench-\(UUID().uuidString.prefix(8))"
        let client = CalypsoClient(credentials: sandbox.credentials)
        let written = Locked<[String: ContinuousClock.Instant]>([:])
        let latencies = Locked<[Double]>([])
        var desks: [(desk: TeamDesk, engine: SyncEngine)] = []
        var watchers: [Task<Void, Never>] = []
        for index in 0...followers {
            let store = try DeskStore.open(dataDirectory: scratch, account: "\(account)-\(index)")
            let team = TeamStore(connector: connector, account: account, origin: DeskOrigin(operatorName: "bench", host: "desk-\(index)"))
            let events = EventHub<DeskEvent>(), pollerEvents = EventHub<DeskEvent>()
            let engine = SyncEngine(api: client, store: store, events: pollerEvents, settings: SyncSettings(refreshInterval: .seconds(1)))
            let desk = TeamDesk(team: team, store: store, events: events, pollerEvents: pollerEvents, engine: engine,
                                refreshInterval: .seconds(1))
            let fromPoller = pollerEvents.subscribe(), arriving = events.subscribe()
            watchers.append(Task {
                for await event in fromPoller { if let key = key(event) { written.withLock { $0[key] = $0[key] ?? .now } } }
            })
            watchers.append(Task {
                for await event in arriving {
                    guard desk.status.role == .following, let key = key(event), let at = written.current[key] else { continue }
                    latencies.withLock { $0.append(BenchReport.milliseconds(.now - at)) }
                }
            })
            desks.append((desk, engine))
        }
        let probe = TeamStore(connector: connector, account: account, origin: DeskOrigin(operatorName: "bench"))
        _ = try await probe.migrate()
        let before = try await probe.writeFigures()
        let loops = desks.map { entry in Task { await entry.desk.run() } }
        try await Task.sleep(for: .seconds(seconds))
        var requests = 0
        for entry in desks { requests += await entry.engine.statistics.requests }
        loops.forEach { $0.cancel() }
        for loop in loops { await loop.value }
        try await Task.sleep(for: .milliseconds(1500)) // statistics reach pg_stat_user_tables within a second
        let after = try await probe.writeFigures()
        watchers.forEach { $0.cancel() }
        await probe.close()
        for entry in desks { await entry.desk.team.close() }
        let depositEvents = written.current.count
        return Figures(requestsPerSecond: Double(requests) / Double(seconds), latencies: latencies.current, depositEvents: depositEvents,
                       rows: after.rows - before.rows, walBytes: after.walBytes - before.walBytes)
    }

    /// A deposit's state change, the unit of latency: the same at the poller and at a follower.
    private static func key(_ event: DeskEvent) -> String? {
        switch event {
        case .newDeposit(let tx), .stateChanged(let tx, _), .credited(let tx):
            "\(tx.id) \(tx.state.rawValue) \(tx.credited)"
        default: nil
        }
    }
}
