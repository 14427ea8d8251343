import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import PostgresNIO
import TeamStore
import Testing
import TestScratch

/// The throwaway PostgreSQL that scripts/test starts (scripts/pg-cluster). Without it the suites
/// fail under CI and are skipped, visibly, elsewhere.
enum TestPostgres {
    static var urlText: String? {
        let text = ProcessInfo.processInfo.environment["PURSEDESK_TEST_PG"]
        if let text, !text.isEmpty { return text }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("PURSEDESK_TEST_PG is not set: run the tests through scripts/test, which starts a PostgreSQL cluster")
        } else {
            print("◇ skipping a team-store test: PURSEDESK_TEST_PG is not set (scripts/test sets it)")
        }
        return nil
    }

    static func url() throws -> TeamStoreURL? {
        guard let text = urlText else { return nil }
        return try TeamStoreURL(parsing: text, defaultUser: "postgres")
    }

    /// A team store for a fresh account, so tests sharing the cluster never see each other's rows.
    static func team(account: String = "0xteam-\(UUID().uuidString.prefix(8))", operatorName: String = "alice",
                     host: String = "desk-a", on cluster: PrivateCluster? = nil) throws -> TeamStore? {
        guard let url = try cluster?.url ?? url() else { return nil }
        return TeamStore(connector: TeamConnector(url: url, password: nil), account: account,
                         origin: DeskOrigin(operatorName: operatorName, host: host))
    }

    /// A PostgreSQL of one test's own (scripts/pg-cluster), for a test that stops and restarts
    /// the server: the shared cluster serves the suites that run at the same time.
    struct PrivateCluster {
        let url: TeamStoreURL
        let directory: String

        /// Starts one; waits for the script's last line, not its exit (see `run`).
        static func start() async throws -> PrivateCluster {
            let output = ScratchRoot.url.appendingPathComponent("pg-cluster-\(UUID().uuidString).out")
            try TestPostgres.run(["start"], output: output)
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline {
                let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                if let urlText = exported("PURSEDESK_TEST_PG", in: text), let directory = exported("PURSEDESK_TEST_PG_CLUSTER", in: text) {
                    return PrivateCluster(url: try TeamStoreURL(parsing: urlText, defaultUser: "postgres"), directory: directory)
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw TestFailure("scripts/pg-cluster start printed no cluster within 120 s")
        }

        private static func exported(_ name: String, in text: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix("export \(name)='") }
                .map { String($0.dropFirst("export \(name)='".count).dropLast()) }
        }

        /// Stops the server and waits until it has shut down (its postmaster.pid is gone), so it
        /// can start again at once.
        func pause() async throws {
            try await change("pause", wantUp: false)
            let pidFile = "\(directory)/data/postmaster.pid"
            let deadline = ContinuousClock.now + .seconds(60)
            while FileManager.default.fileExists(atPath: pidFile) {
                guard ContinuousClock.now < deadline else { throw TestFailure("pg-cluster pause: the server did not shut down within 60 s") }
                try await Task.sleep(for: .milliseconds(100))
            }
        }

        /// Starts it again on the same port and waits until it answers.
        func resume() async throws { try await change("resume", wantUp: true) }

        /// Stops it and returns once its directory is removed.
        func stop() async {
            try? TestPostgres.run(["stop", directory])
            let deadline = ContinuousClock.now + .seconds(60)
            while FileManager.default.fileExists(atPath: directory), ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(100))
            }
        }

        private func change(_ verb: String, wantUp: Bool) async throws {
            try TestPostgres.run([verb, directory])
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let up: Bool
                do {
                    let connection = try await TeamConnector(url: url, password: nil, connectTimeout: .seconds(1)).connect()
                    try? await connection.close()
                    up = true
                } catch {
                    up = false
                }
                if up == wantUp { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw TestFailure("pg-cluster \(verb): the server did not \(wantUp ? "come back" : "stop") within 60 s")
        }
    }

    /// Starts scripts/pg-cluster without waiting for it: callers watch what it does instead, as
    /// Foundation's `Process` does not always see the script end once a daemon has been forked
    /// below it. Foundation reaps it.
    static func run(_ arguments: [String], output: URL? = nil) throws {
        let process = Process()
        process.executableURL = repositoryRoot.appendingPathComponent("scripts/pg-cluster")
        process.arguments = arguments
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        launched.withLock { $0.append(process) }
    }

    private static let launched = Locked<[Process]>([])

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A direct connection for checking what the store holds.
    static func query<Row: Sendable>(_ sql: PostgresQuery, as type: Row.Type) async throws -> [Row] where Row: PostgresDecodable {
        guard let url = try url() else { return [] }
        let connection = try await TeamConnector(url: url, password: nil).connect()
        defer { Task { try? await connection.close() } }
        var rows: [Row] = []
        for try await row in try await connection.query(sql, logger: .init(label: "test")).decode(Row.self) { rows.append(row) }
        return rows
    }
}

/// Holds the account's poller lock from outside, so that every desk under test follows.
func holdPollerLock(_ account: String) async throws -> PostgresConnection {
    guard let url = try TestPostgres.url() else { throw TestFailure("no test PostgreSQL") }
    let connection = try await TeamConnector(url: url, password: nil).connect()
    var acquired = false
    do {
        for try await value in try await connection.query("SELECT pg_try_advisory_lock(hashtext(\("pursedesk.poller:" + account)))",
                                                          logger: .init(label: "test")).decode(Bool.self) { acquired = value }
    } catch {
        try? await connection.close()
        throw error
    }
    // PostgresNIO traps when a connection is dropped without being closed.
    guard acquired else { try? await connection.close(); throw TestFailure("the poller lock of \(account) is held") }
    return connection
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func temporaryDirectory(_ label: String) throws -> URL {
    let url = ScratchRoot.url.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Waits for a condition, polling; never a fixed sleep alone.
func eventually(timeout: Duration = .seconds(20), every interval: Duration = .milliseconds(50),
                _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

/// One desk of a team, in process: its own replica file, engine and team connection.
struct TestDesk {
    let store: DeskStore
    let events = EventHub<DeskEvent>()
    let pollerEvents = EventHub<DeskEvent>()
    let engine: SyncEngine
    let desk: TeamDesk
    let team: TeamStore
    let actions: OperatorActions
    let client: CalypsoClient

    init(sandbox: SandboxServer, account: String, operatorName: String, host: String, interval: Duration = .seconds(1),
         on cluster: TestPostgres.PrivateCluster? = nil) throws {
        guard let team = try TestPostgres.team(account: account, operatorName: operatorName, host: host, on: cluster) else {
            throw TestFailure("no test PostgreSQL")
        }
        self.team = team
        store = try DeskStore.open(dataDirectory: try temporaryDirectory("team-desk"), account: account)
        client = CalypsoClient(credentials: sandbox.credentials)
        engine = SyncEngine(api: client, store: store, events: pollerEvents, settings: SyncSettings(refreshInterval: interval))
        desk = TeamDesk(team: team, store: store, events: events, pollerEvents: pollerEvents, engine: engine, refreshInterval: interval)
        actions = OperatorActions(client: client, store: store, events: events, user: operatorName, journal: desk.journal)
    }

    func start() -> Task<Void, Never> { Task { await desk.run() } }
}

func quietSandbox(customers: Int = 5) async throws -> SandboxServer {
    var configuration = SandboxConfiguration()
    configuration.seedCustomers = customers
    configuration.traffic = TrafficSettings(enabled: false)
    let sandbox = SandboxServer(configuration: configuration)
    try await sandbox.start()
    return sandbox
}

func busySandbox(customers: Int = 30, depositsPerSecond: Double = 5) async throws -> SandboxServer {
    var configuration = SandboxConfiguration()
    configuration.seedCustomers = customers
    configuration.timeScale = 1
    configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: depositsPerSecond, stepSeconds: 1)
    let sandbox = SandboxServer(configuration: configuration)
    try await sandbox.start()
    return sandbox
}
