import Foundation
import TmuxDriver

/// Figures of the real binary in a real terminal (tmux): cold start, memory, idle CPU, bytes written.
enum TerminalBenchmarks {
    static func offlineEnvironment(dataDirectory: URL, home: URL) -> [String: String] {
        ["CALYPSO_ACCOUNT": StoreScenario.account, "CALYPSO_API_KEY": "bench", "CALYPSO_API_SECRET": "bench-secret",
         "CALYPSO_BASE_URL": "http://127.0.0.1:1", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path,
         "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "PATH": "/usr/bin:/bin"]
    }

    /// Cold start to the first frame showing customer rows (the customers view: the list that grows with
    /// the data), then peak RSS once the whole list is loaded, after scrolling, filtering and sorting.
    static func startAndMemory(binary: URL, store: StoreScenario.Built, home: URL, report: BenchReport) throws {
        // The goals: 150 ms and the old 150 MB at 100k customers; 300 ms and 200 MB at a million.
        let large = store.customers >= 1_000_000
        let startGoal: Double = large ? 300 : 150, memoryGoal = large ? 200 : 150
        var starts: [Double] = []
        var loaded: Duration?
        var peak = 0
        for run in 0..<3 {
            report.note("cold start, run \(run + 1) of 3")
            let session = try TmuxServer(
                command: [binary.path, "dashboard", "--offline", "--view", "customers", "--data-dir", store.dataDirectory.path],
                environment: offlineEnvironment(dataDirectory: store.dataDirectory, home: home))
            guard let elapsed = session.waitFor({ $0.contains("@example.com") }) else {
                report.note("the dashboard showed no rows within 30 s; screen:\n\(session.screen())")
                report.add("cold start to first frame, \(store.label) store", "no frame", target: String(format: "≤ %.0f ms", startGoal), met: false)
                return
            }
            starts.append(BenchReport.milliseconds(elapsed))
            if run == 0, let pid = session.panePID {
                // The first frame shows the first customers; the whole list loads behind it.
                loaded = session.waitFor { $0.contains("@example.com") && !$0.contains("loading…") }
                report.note("scrolling, filtering and sorting before reading peak memory")
                for key in ["j", "j", "PageDown", "PageDown", "G", "g"] { session.send(key) }
                session.send("/")
                for character in "customer99" { session.send(String(character)) }
                _ = session.waitFor(timeout: .seconds(10)) { $0.contains("customer99") && !$0.contains("filtering…") }
                session.send("Escape")
                session.send("s")
                _ = session.waitFor(timeout: .seconds(10)) { $0.contains("sort id") && !$0.contains("sorting…") }
                usleep(300_000)
                peak = ProcessProbe.peakRSS(pid) ?? 0
            }
            session.send("q")
        }
        let best = starts.min() ?? .nan
        report.add("cold start to first frame, \(store.label) store (best of 3)", String(format: "%.0f ms (runs %@)", best,
                   starts.map { String(format: "%.0f", $0) }.joined(separator: ", ")), target: String(format: "≤ %.0f ms", startGoal), met: best <= startGoal)
        report.add("the whole customer list loaded behind the first frame, \(store.label) store",
                   loaded.map { String(format: "%.0f ms", BenchReport.milliseconds($0)) } ?? "not within 30 s", target: "—", met: nil)
        report.add("peak RSS with the \(store.label) store open", String(format: "%.1f MB", Double(peak) / 1_048_576),
                   target: "≤ \(memoryGoal) MB", met: peak > 0 && peak <= memoryGoal * 1_048_576)
    }

    /// Bytes the program writes to the terminal when the selection moves one row (two rows repaint).
    static func bytesPerRowChange(binary: URL, store: StoreScenario.Built, home: URL, report: BenchReport) throws {
        let session = try TmuxServer(
            command: [binary.path, "dashboard", "--offline", "--view", "customers", "--data-dir", store.dataDirectory.path],
            environment: offlineEnvironment(dataDirectory: store.dataDirectory, home: home), width: 100, height: 30)
        report.note("terminal bytes for one row move")
        guard session.waitFor({ $0.contains("@example.com") && !$0.contains("loading…") }) != nil else { return }
        usleep(500_000)
        let file = home.appendingPathComponent("pane-output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        session.pipeOutput(to: file)
        usleep(200_000)
        let before = (try? Data(contentsOf: file).count) ?? 0
        session.send("j")
        usleep(600_000)
        let bytes = ((try? Data(contentsOf: file).count) ?? 0) - before
        let changedCells = 2 * 100
        report.add("terminal bytes for a one-row move (2 rows × 100 cells)", "\(bytes) bytes for \(changedCells) cells",
                   target: "≤ \(2 * changedCells) bytes", met: bytes > 0 && bytes <= 2 * changedCells)
        session.send("q")
    }
}
