import Foundation
import TmuxDriver

/// Keystroke → screen end to end: the release binary on the scenario store in tmux, a key sent
/// through a tmux control-mode client (`send-keys`), and the pane's output watched through the
/// same client's `%output` notifications, which tmux sends as it reads what the program wrote.
///
/// What a sample includes: tmux handing the key to the pane's terminal, the dashboard waking from
/// `poll()`, decoding the key, its update, render and diff, ncurses writing the changed cells,
/// tmux reading and parsing them, and the notification reaching this process through a pipe.
/// What it leaves out: a real terminal emulator painting the pixels.
enum KeyLatencyBenchmark {
    static let goalMilliseconds = 16.7
    static let quiet = Duration.milliseconds(40)

    struct Samples {
        var firstByte: [Double] = []
        var frameDone: [Double] = []
        var unchanged = 0
    }

    static func run(binary: URL, store: StoreScenario.Built, home: URL, report: BenchReport, keys: Int = 200) throws {
        report.note("key latency: the dashboard on the \(store.label) store in tmux, keys through a control-mode client")
        let session = try TmuxServer(
            command: [binary.path, "dashboard", "--offline", "--view", "customers", "--data-dir", store.dataDirectory.path],
            environment: TerminalBenchmarks.offlineEnvironment(dataDirectory: store.dataDirectory, home: home), width: 100, height: 30)
        defer { session.kill() }
        guard session.waitFor(timeout: .seconds(180), { $0.contains("@example.com") }) != nil else {
            report.add("key → screen through tmux, \(store.label)", "the dashboard showed no rows", target: "p99 ≤ 16.7 ms", met: false)
            return
        }
        let control = try TmuxControlClient(attachingTo: session)
        defer { control.detach() }
        waitForQuiet(control, for: .milliseconds(500))

        let line = measure(control, keys: (0..<keys).map { $0 % 2 == 0 ? "j" : "k" })
        let page = measure(control, keys: (0..<keys / 2).map { $0 % 2 == 0 ? "PageDown" : "PageUp" })
        let polled = measureByCapture(control, keys: (0..<keys / 2).map { $0 % 2 == 0 ? "j" : "k" })

        for (label, samples) in [("line", line), ("page", page)] {
            if samples.unchanged > 0 { report.note("key latency, \(label): \(samples.unchanged) keys changed nothing on screen") }
            report.add("tmux key → screen, \(store.label), \(label), first byte (p50 / p99)", figure(samples.firstByte),
                       target: "—", met: nil)
            let p99 = BenchReport.percentile(samples.frameDone, 0.99)
            report.add("tmux key → screen, \(store.label), \(label), whole frame (p50 / p99)", figure(samples.frameDone),
                       target: "p99 ≤ 16.7 ms", met: !samples.frameDone.isEmpty && p99 <= goalMilliseconds)
        }
        report.add("tmux key → screen, \(store.label), line, capture-pane polled (p50 / p99)", figure(polled),
                   target: "—", met: nil)
        session.send("q")
    }

    /// For each key: when the first and the last `%output` of the frame it caused arrived. The
    /// frame is over once the pane has been quiet for `quiet`; the next key goes only then.
    private static func measure(_ control: TmuxControlClient, keys: [String]) -> Samples {
        var samples = Samples()
        for key in keys {
            let sent = control.send("send-keys -t main \(key)")
            var first: ContinuousClock.Instant?
            var last: ContinuousClock.Instant?
            while let timed = control.next(timeout: first == nil ? .seconds(2) : quiet) {
                guard case .output = timed.event else { continue }
                if first == nil { first = timed.at }
                last = timed.at
            }
            guard let first, let last else {
                samples.unchanged += 1
                continue
            }
            samples.firstByte.append(BenchReport.milliseconds(first - sent))
            samples.frameDone.append(BenchReport.milliseconds(last - sent))
        }
        return samples
    }

    /// The same keys, with the screen read back (`capture-pane -e`, through the control client, so
    /// no process starts per read) in a tight loop until it differs: an upper bound that adds
    /// the polling's own round trip to the figure. `-e` keeps the attributes: a selection that
    /// moves changes colours, not text.
    private static func measureByCapture(_ control: TmuxControlClient, keys: [String]) -> [Double] {
        var samples: [Double] = []
        for key in keys {
            guard let before = control.command("capture-pane -p -e -t main").reply else { continue }
            let sent = control.send("send-keys -t main \(key)")
            // The send-keys command's own (empty) reply comes first; the screens are read after it.
            while let timed = control.next(timeout: .seconds(2)) {
                if case .reply = timed.event { break }
            }
            let clock = ContinuousClock()
            while clock.now - sent < .seconds(2) {
                let (screen, _) = control.command("capture-pane -p -e -t main")
                guard let screen else { break }
                if screen != before {
                    samples.append(BenchReport.milliseconds(clock.now - sent))
                    break
                }
            }
            waitForQuiet(control, for: quiet)
        }
        return samples
    }

    private static func waitForQuiet(_ control: TmuxControlClient, for duration: Duration) {
        while control.next(timeout: duration) != nil {}
    }

    private static func figure(_ samples: [Double]) -> String {
        guard !samples.isEmpty else { return "no samples" }
        return String(format: "%.2f / %.2f ms (n=%d)", BenchReport.percentile(samples, 0.5), BenchReport.percentile(samples, 0.99), samples.count)
    }
}
