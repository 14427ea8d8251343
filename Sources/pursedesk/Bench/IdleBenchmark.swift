import Foundation
import TmuxDriver

/// The dashboard and then htop, measured the same way: each alone in a tmux window of the same
/// size, nobody typing, on an API with no traffic; CPU from /proc/PID/stat and the bytes each
/// writes to its terminal (tmux pipe-pane), over the same number of seconds.
enum IdleBenchmark {
    struct Figure {
        var cpuPercent: Double
        var bytesPerSecond: Double
    }

    static let width = 120, height = 36

    static func run(binary: URL, seconds: Double, home: URL, report: BenchReport) throws {
        report.note("idle: starting a sandbox with no traffic and the dashboard on it (\(width)×\(height), \(Int(seconds)) s each)")
        let sandbox = try BenchSandbox.start(binary: binary, arguments: ["--seed-customers", "1000", "--deposit-rate", "0"])
        defer { sandbox.stop() }
        var environment = TerminalBenchmarks.offlineEnvironment(dataDirectory: home, home: home)
        environment.merge(sandbox.environment) { $1 }
        let dashboard = try TmuxServer(command: [binary.path, "dashboard", "--data-dir", home.appendingPathComponent("idle").path],
                                       environment: environment, width: width, height: height)
        defer { dashboard.kill() }
        guard dashboard.waitFor({ $0.contains(" live ") }) != nil,
              let ours = measure(dashboard, seconds: seconds, scratch: home, label: "dashboard") else {
            report.add("idle: dashboard", "did not go live: \(dashboard.screen().split(separator: "\n").first ?? "")",
                       target: "—", met: false)
            return
        }
        dashboard.send("q")
        report.add(String(format: "idle CPU of the dashboard, no traffic, %.0f s", seconds), percent(ours.cpuPercent),
                   target: "—", met: nil)
        report.add(String(format: "idle terminal output of the dashboard, %.0f s", seconds), String(format: "%.1f B/s", ours.bytesPerSecond),
                   target: "—", met: nil)

        guard let htopPath = executable("htop") else {
            report.note("htop is not installed (apt-get install htop): no comparison")
            return
        }
        report.note("idle: htop in the same window size for \(Int(seconds)) s")
        let htop = try TmuxServer(command: [htopPath], environment: environment, width: width, height: height)
        defer { htop.kill() }
        guard htop.waitFor({ $0.contains("Load average") || $0.contains("Tasks:") }) != nil,
              let theirs = measure(htop, seconds: seconds, scratch: home, label: "htop") else {
            report.add("idle: htop", "did not start", target: "—", met: false)
            return
        }
        htop.send("q")
        report.add(String(format: "idle CPU of htop, %.0f s", seconds), percent(theirs.cpuPercent), target: "—", met: nil)
        report.add(String(format: "idle terminal output of htop, %.0f s", seconds), String(format: "%.1f B/s", theirs.bytesPerSecond),
                   target: "—", met: nil)
        let cpuRatio = theirs.cpuPercent > 0 ? ours.cpuPercent / theirs.cpuPercent : (ours.cpuPercent > 0 ? .infinity : 0)
        report.add("idle CPU, dashboard ÷ htop", String(format: "%.2f", cpuRatio), target: "≤ 1.0", met: cpuRatio <= 1.0)
        let bytesRatio = theirs.bytesPerSecond > 0 ? ours.bytesPerSecond / theirs.bytesPerSecond : .infinity
        report.add("idle terminal bytes/s, dashboard ÷ htop", String(format: "%.2f", bytesRatio), target: "≤ 1.0",
                   met: ours.bytesPerSecond <= theirs.bytesPerSecond)
    }

    /// After a 3 s warm-up: CPU ticks of the pane's process and bytes it wrote, over `seconds`.
    static func measure(_ session: TmuxServer, seconds: Double, scratch: URL, label: String) -> Figure? {
        guard let pid = session.panePID else { return nil }
        sleep(3)
        let file = scratch.appendingPathComponent("idle-\(label)-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        session.pipeOutput(to: file)
        usleep(200_000)
        let clock = ContinuousClock()
        let started = clock.now
        guard let startTicks = ProcessProbe.cpuTicks(pid) else { return nil }
        let startBytes = fileSize(file)
        usleep(UInt32(seconds * 1_000_000))
        guard let endTicks = ProcessProbe.cpuTicks(pid) else { return nil }
        let bytes = fileSize(file) - startBytes
        let elapsed = BenchReport.milliseconds(clock.now - started) / 1000
        return Figure(cpuPercent: Double(endTicks - startTicks) / ProcessProbe.ticksPerSecond / elapsed * 100,
                      bytesPerSecond: Double(bytes) / elapsed)
    }

    private static func fileSize(_ file: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
    }

    private static func percent(_ value: Double) -> String { String(format: "%.3f %% of one core", value) }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// `pursedesk sandbox --json` in its own process, as a benchmark's API.
struct BenchSandbox {
    struct DidNotStart: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    /// CALYPSO_* variables pointing a client at it.
    let environment: [String: String]

    static func start(binary: URL, arguments: [String]) throws -> BenchSandbox {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox", "--json"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        guard let json = try? JSONSerialization.jsonObject(with: firstLine.split(separator: UInt8(ascii: "\n")).first ?? Data()) as? [String: Any],
              let baseURL = json["baseURL"] as? String, let account = json["account"] as? String, let key = json["apiKey"] as? String,
              let secret = json["apiSecret"] as? String else {
            process.terminate()
            throw DidNotStart(description: "the sandbox did not start")
        }
        return BenchSandbox(process: process, environment: [
            "CALYPSO_BASE_URL": baseURL, "CALYPSO_ACCOUNT": account, "CALYPSO_API_KEY": key, "CALYPSO_API_SECRET": secret,
        ])
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
