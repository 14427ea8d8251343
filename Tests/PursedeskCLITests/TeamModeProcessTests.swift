import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing
import TmuxDriver
import TestScratch

/// Real `pursedesk sync --store postgres://…` processes sharing one sandbox account and the test
/// PostgreSQL that scripts/test starts.
@Suite struct TeamModeProcessTests {
    static var storeURL: String? {
        if let url = ProcessInfo.processInfo.environment["PURSEDESK_TEST_PG"], !url.isEmpty { return url }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("PURSEDESK_TEST_PG is not set: run the tests through scripts/test, which starts a PostgreSQL cluster")
        } else {
            print("◇ skipping a team-mode process test: PURSEDESK_TEST_PG is not set (scripts/test sets it)")
        }
        return nil
    }

    /// A `pursedesk sync` whose output lines are collected as they come.
    final class SyncProcess: @unchecked Sendable {
        let process = Process()
        let exit: ProcessExit
        let lines = Locked<[(at: ContinuousClock.Instant, text: String)]>([])

        init(environment: [String: String], data: URL) throws {
            process.executableURL = PursedeskBinary.url
            process.arguments = ["sync"]
            var env = environment
            env["PURSEDESK_DATA_DIR"] = data.path
            process.environment = env
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            output.fileHandleForReading.readabilityHandler = { [lines] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                let now = ContinuousClock.now
                lines.withLock { $0 += text.split(separator: "\n").map { (now, String($0)) } }
            }
            exit = try process.start()
        }

        var output: String { lines.current.map(\.text).joined(separator: "\n") }

        /// The role the last role line named.
        var role: String? {
            lines.current.last { $0.text.contains(" team: ") }.map { line in
                line.text.contains("team: polling") ? "polling" : line.text.contains("team: following") ? "following" : "other"
            }
        }

        func firstLine(containing text: String, after instant: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            lines.current.first { $0.at >= instant && $0.text.contains(text) }?.at
        }

        /// Stops it without waiting for it (for `defer`).
        func terminate() {
            if process.isRunning { process.terminate() }
        }
    }

    func waitUntil(_ timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test func twoFollowOnePollerAndSigkillHandsPollingOverWithinTwoRefreshIntervals() async throws {
        guard let store = Self.storeURL else { return }
        var configuration = SandboxConfiguration()
        configuration.seed = UInt64.random(in: 2...UInt64.max)
        configuration.seedCustomers = 20
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 3, stepSeconds: 1)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let home = ScratchRoot.url.appendingPathComponent("pursedesk-team-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = [
            "CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account, "CALYPSO_API_KEY": sandbox.apiKey,
            "CALYPSO_API_SECRET": sandbox.apiSecret, "HOME": home.path, "XDG_CONFIG_HOME": home.path, "PURSEDESK_STORE": store,
            "PURSEDESK_OPERATOR": "daemon", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
        ]
        let desks = try (0..<3).map { try SyncProcess(environment: environment, data: home.appendingPathComponent("desk\($0)")) }
        defer { desks.forEach { $0.terminate() } }

        #expect(await waitUntil { desks.filter { $0.role == "polling" }.count == 1 && desks.filter { $0.role == "following" }.count == 2 },
                "roles: \(desks.map { $0.role ?? "none" })\n\(desks.map(\.output).joined(separator: "\n---\n"))")
        // The followers keep up with the poller's log (their replicas hold its deposits).
        try await Task.sleep(for: .seconds(3))
        let poller = try #require(desks.first { $0.role == "polling" })
        #expect(!poller.output.contains("error"), "\(poller.output)")

        let killedAt = ContinuousClock.now
        kill(poller.process.processIdentifier, SIGKILL)
        await poller.exit.wait()
        let survivors = desks.filter { $0 !== poller }
        #expect(await waitUntil(.seconds(15)) { survivors.contains { $0.role == "polling" } },
                "nobody took over:\n\(survivors.map(\.output).joined(separator: "\n---\n"))")
        let tookOver = survivors.compactMap { $0.firstLine(containing: "team: polling", after: killedAt) }.min()
        let handover = try #require(tookOver) - killedAt
        // Refresh interval 2 s: the lock is tried every interval, so two intervals bound the handover.
        #expect(handover <= .seconds(4) + .milliseconds(500), "handover took \(handover)")
        #expect(survivors.filter { $0.role == "polling" }.count == 1)
        for desk in survivors { desk.terminate() }
        for desk in survivors { await desk.exit.wait() }
    }

    @Test(.enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
    func aCustomerCreatedAndBlockedAtOneDashboardShowsAtTheOther() async throws {
        guard let store = Self.storeURL else { return }
        var configuration = SandboxConfiguration()
        configuration.seed = UInt64.random(in: 2...UInt64.max)
        configuration.seedCustomers = 3
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let environment = [
            "CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account, "CALYPSO_API_KEY": sandbox.apiKey,
            "CALYPSO_API_SECRET": sandbox.apiSecret, "PURSEDESK_STORE": store,
        ]
        let ann = try TmuxDashboard(), bob = try TmuxDashboard()
        defer { ann.kill(); bob.kill() }
        try await ann.start(environment: environment.merging(["PURSEDESK_OPERATOR": "ann"]) { $1 })
        try await bob.start(environment: environment.merging(["PURSEDESK_OPERATOR": "bob"]) { $1 })
        for desk in [ann, bob] {
            try await desk.expectLine { $0.contains("polling") || $0.contains("following") }
        }

        await ann.send("c")
        try await ann.expect("New customer")
        await ann.type("team-e2e@example.com")
        await ann.send("Enter")
        try await ann.expect("created customer team-e2e@example.com")
        try await bob.expect("team-e2e@example.com", timeout: 5)

        await ann.send("/")
        await ann.type("team-e2e")
        await ann.send("Enter")
        await ann.send("b")
        try await ann.expect("[y] Block")
        await ann.send("y")
        try await ann.expect("blocked team-e2e@example.com")
        try await bob.expectLine(timeout: 5) { $0.contains("team-e2e@example.com") && $0.contains("BLOCKED") }
        try await ann.quitAndExpectShell()
        try await bob.quitAndExpectShell()
    }
}
