import Foundation
import Testing
import TmuxDriver

/// The API (a separate `pursedesk sandbox` process) stops under a running dashboard in tmux:
/// the header must say so within two refresh intervals, and say `live` again once it is back.
@Suite(.enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct OutageEndToEndTests {
    /// The dashboard's default refresh interval.
    static let refreshInterval: TimeInterval = 2

    @Test func headerShowsTheOutageAtOnceAndTheRecovery() async throws {
        var sandbox = try await SandboxProcess.start(port: 0)
        let port = sandbox.port
        let tmux = try TmuxDashboard()
        defer {
            tmux.kill()
            sandbox.terminate()
        }
        try await tmux.start(environment: sandbox.environment)
        let live = try await tmux.expectLine(timeout: 30) { $0.contains("every 2s") && $0.contains(" live ") }
        #expect(!live.contains(sandbox.secret))

        await sandbox.stop()
        let stopped = Date()
        let down = try await tmux.expectLine(timeout: 2 * Self.refreshInterval) {
            $0.contains("every 2s") && ($0.contains("retrying · connection refused") || $0.contains("stale"))
        }
        let noticed = Date().timeIntervalSince(stopped)
        #expect(noticed <= 2 * Self.refreshInterval, "the header changed after \(noticed) s: \(down)")
        try await tmux.expectLine(timeout: 4 * Self.refreshInterval) { $0.contains("every 2s") && $0.contains("stale") && $0.contains("connection refused") }

        sandbox = try await SandboxProcess.start(port: port)
        let restarted = Date()
        try await tmux.expectLine(timeout: 2 * Self.refreshInterval) { $0.contains("every 2s") && $0.contains(" live") }
        let recovered = Date().timeIntervalSince(restarted)
        #expect(recovered <= 2 * Self.refreshInterval, "live again after \(recovered) s")
        try await tmux.quitAndExpectShellAfterRemote()
    }
}

struct SandboxDidNotStart: Error {
    var firstLine: String
}

/// `pursedesk sandbox --json` in its own process: the API the dashboard talks to.
struct SandboxProcess {
    let process: Process
    let exit: ProcessExit
    let port: Int
    let environment: [String: String]
    let secret: String

    /// Starts it and waits (off the shared pool) for the first line with its address and credentials.
    static func start(port: Int, seed: Int = 1) async throws -> SandboxProcess {
        let process = Process()
        process.executableURL = PursedeskBinary.url
        process.arguments = ["sandbox", "--json", "--seed-customers", "30", "--deposit-rate", "0", "--port", "\(port)", "--seed", "\(seed)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()
        let line = await onOwnThread {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return data.split(separator: UInt8(ascii: "\n")).first.map { Data($0) } ?? Data()
        }
        guard let json = try? JSONSerialization.jsonObject(with: line) as? [String: Any], let baseURL = json["baseURL"] as? String,
              let account = json["account"] as? String, let key = json["apiKey"] as? String, let secret = json["apiSecret"] as? String,
              let port = URL(string: baseURL)?.port else {
            process.terminate()
            throw SandboxDidNotStart(firstLine: String(decoding: line, as: UTF8.self))
        }
        return SandboxProcess(process: process, exit: exit, port: port, secret: secret, environment: [
            "CALYPSO_BASE_URL": baseURL, "CALYPSO_ACCOUNT": account, "CALYPSO_API_KEY": key, "CALYPSO_API_SECRET": secret,
        ])
    }

    init(process: Process, exit: ProcessExit, port: Int, secret: String, environment: [String: String]) {
        self.process = process
        self.exit = exit
        self.port = port
        self.secret = secret
        self.environment = environment
    }

    /// Stops it and returns once it has exited.
    func stop() async {
        terminate()
        await exit.wait()
    }

    /// Stops it without waiting (for `defer`).
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}

extension TmuxDashboard {
    /// `q`, then the shell answers (a remote account shows no SANDBOX badge to wait on).
    func quitAndExpectShellAfterRemote() async throws {
        await send("q")
        try await expectGone("every 2s")
        try await expectShellAnswers()
    }
}
