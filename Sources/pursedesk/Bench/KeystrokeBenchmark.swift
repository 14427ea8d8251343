import DeskApp
import DeskModel
import Foundation
import TerminalUI

/// Keystroke → frame in the customers view: the update function, the screen rendered into a cell
/// buffer, and the diff against the previous frame (what the backend then flushes). The terminal
/// write itself is measured separately in bytes.
enum KeystrokeBenchmark {
    static func run(store built: StoreScenario.Built, report: BenchReport) throws {
        let store = try DeskStore.open(dataDirectory: built.dataDirectory, account: StoreScenario.account)
        let clock = ContinuousClock()
        let loadStarted = clock.now
        let customers = try store.customerSummaries()
        report.add("load \(customers.count) customers from the store", String(format: "%.0f ms", BenchReport.milliseconds(clock.now - loadStarted)),
                   target: "—", met: nil)
        let countsStarted = clock.now
        _ = try store.counts()
        let feedStarted = clock.now
        _ = try store.recentTransactions(limit: 200)
        report.add("header counts / feed history from the store", String(format: "%.0f ms / %.0f ms",
                   BenchReport.milliseconds(feedStarted - countsStarted), BenchReport.milliseconds(clock.now - feedStarted)),
                   target: "—", met: nil)

        var state = AppState(AppState.Setup(
            account: StoreScenario.account, sourceLabel: "bench", isSandbox: false, readOnlyReason: "offline", offline: true,
            refreshInterval: .seconds(2), currencies: [], theme: .standard, size: TerminalSize(width: 100, height: 30), startView: "customers"))
        _ = update(&state, .started)
        _ = update(&state, .customersLoaded(customers))
        var previous = DashboardScreen.render(state)

        func measure(_ label: String, _ keys: [Key]) -> [Double] {
            var samples: [Double] = []
            for key in keys {
                let started = clock.now
                _ = update(&state, .key(key))
                let frame = DashboardScreen.render(state)
                let runs = BufferDiff.runs(from: previous, to: frame)
                previous = frame
                samples.append(BenchReport.milliseconds(clock.now - started))
                if runs.isEmpty && samples.count == 1 { report.note("\(label): the first key changed nothing on screen") }
            }
            return samples
        }

        let line = measure("line scroll", Array(repeating: .character("j"), count: 500) + Array(repeating: .character("k"), count: 500))
        let page = measure("page scroll", Array(repeating: .pageDown, count: 300) + Array(repeating: .pageUp, count: 300))
        var filterKeys: [Key] = []
        for word in ["customer99", "desk 7", "貴賓", "ext:1000"] {
            filterKeys.append(.character("/"))
            filterKeys += word.map { .character($0) }
            filterKeys += Array(repeating: .backspace, count: word.count)
            filterKeys.append(.escape)
        }
        let filter = measure("filter", filterKeys)
        let sort = measure("sort", Array(repeating: [Key.character("s"), Key.character("S")], count: 20).flatMap { $0 })

        for (label, samples) in [("line scroll", line), ("page scroll", page), ("filter keystroke", filter), ("sort", sort)] {
            let p50 = BenchReport.percentile(samples, 0.5), p99 = BenchReport.percentile(samples, 0.99)
            report.add("keystroke → frame, \(customers.count / 1000)k rows, \(label) (p50 / p99)",
                       String(format: "%.3f / %.3f ms", p50, p99), target: "p99 ≤ 2 ms", met: p99 <= 2)
        }
        try measureOverview(store: store, report: report, customers: customers)
    }

    /// The overview: its figures read from the store (in the background, as the app does), then keys on it.
    private static func measureOverview(store: DeskStore, report: BenchReport, customers: [CustomerSummary]) throws {
        let clock = ContinuousClock()
        let now = try store.newestDepositDate() ?? Date()
        var reads: [Double] = []
        var figures: OverviewFigures?
        for _ in 0..<5 {
            let started = clock.now
            figures = try store.overview(now: now)
            reads.append(BenchReport.milliseconds(clock.now - started))
        }
        report.add("overview figures from the store (\(figures?.rows.count ?? 0) rows, median of 5)",
                   String(format: "%.0f ms", BenchReport.percentile(reads, 0.5)), target: "≤ 250 ms (read in the background)",
                   met: BenchReport.percentile(reads, 0.5) <= 250)

        var state = AppState(AppState.Setup(
            account: StoreScenario.account, sourceLabel: "bench", isSandbox: false, readOnlyReason: "offline", offline: true,
            refreshInterval: .seconds(2), currencies: [], theme: .standard, size: TerminalSize(width: 100, height: 30), now: now))
        _ = update(&state, .started)
        _ = update(&state, .customersLoaded(customers))
        _ = update(&state, .feedHistoryLoaded(try store.recentTransactions(limit: 200)))
        if let figures { _ = update(&state, .overviewLoaded(figures)) }
        var previous = DashboardScreen.render(state)
        var samples: [Double] = []
        for key in Array(repeating: Key.character("j"), count: 200) + Array(repeating: Key.character("k"), count: 200) {
            let started = clock.now
            _ = update(&state, .key(key))
            let frame = DashboardScreen.render(state)
            _ = BufferDiff.runs(from: previous, to: frame)
            previous = frame
            samples.append(BenchReport.milliseconds(clock.now - started))
        }
        let p50 = BenchReport.percentile(samples, 0.5), p99 = BenchReport.percentile(samples, 0.99)
        report.add("keystroke → frame, overview (p50 / p99)", String(format: "%.3f / %.3f ms", p50, p99), target: "p99 ≤ 2 ms", met: p99 <= 2)
    }
}
