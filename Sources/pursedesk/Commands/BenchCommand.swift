import ArgumentParser
import CalypsoSandbox
import Foundation
import TmuxDriver

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print each figure next to its target.",
        discussion: "Run them on a release build: swift run -c release pursedesk bench (or scripts/bench).",
        subcommands: [All.self, Keys.self, Start.self, Idle.self, SandboxBench.self, Webhooks.self, Team.self, Latency.self, Import.self],
        defaultSubcommand: All.self
    )

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all",
            abstract: "Build the scenario at each scale asked for and measure every figure of BENCHMARKS.md.",
            discussion: """
                --scale 100k (the default) builds 100k customers / 1M transactions; --scale 1m builds 1M / 10M; \
                --scale both (or 100k,1m) measures each in turn and ends with a table of every figure at both \
                scales. Figures that do not depend on the store (idle, requests per refresh, sandbox, webhooks) \
                are measured once.
                """)
        @Option(help: BenchScales.help) var scale = BenchScales([.standard])
        @Option(help: "Customers in a scenario of your own (with --transactions; instead of --scale).") var customers: Int?
        @Option(help: "Transactions in a scenario of your own.") var transactions: Int?
        @Option(name: .customLong("idle-seconds"), help: "How long to measure idle CPU.") var idleSeconds = 60.0
        @Flag(help: "Smaller and shorter: --scale 10k (10k customers, 100k transactions), 10 s idle.") var quick = false

        func validate() throws {
            guard (customers == nil) == (transactions == nil) else { throw ValidationError("--customers and --transactions go together") }
            if let customers, let transactions, customers < 1 || transactions < 0 {
                throw ValidationError("--customers must be at least 1 and --transactions at least 0")
            }
        }

        var scales: [BenchScale] {
            if let customers, let transactions { return [BenchScale(name: "custom", customers: customers, transactions: transactions)] }
            return quick ? [.small] : scale.scales
        }

        func run() async throws {
            let idleSeconds = quick ? 10 : idleSeconds
            let report = BenchReport()
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            let work = try scratchDirectory("all")
            defer { try? FileManager.default.removeItem(at: work) }
            #if DEBUG
            report.note("this is a debug build: figures will be slower than release (swift run -c release pursedesk bench)")
            #endif

            for scale in scales {
                try measureStore(scale, binary: binary, work: work, report: report)
            }
            if TmuxServer.isAvailable {
                try IdleBenchmark.run(binary: binary, seconds: idleSeconds, home: work, report: report)
            }

            var feed: [FeedRequestsBenchmark.Figure] = []
            for size in [1000, 10_000, 100_000] where size <= max(scales.map(\.customers).max() ?? 0, 1000) {
                feed.append(try await FeedRequestsBenchmark.run(customers: size, report: report))
            }
            let counts = feed.map { "\($0.customers / 1000)k: \($0.maxFeedRequests)" }.joined(separator: ", ")
            let flat = Set(feed.map(\.maxFeedRequests)).count == 1
            report.add("API requests per refresh for the live feed", counts, target: "flat", met: flat)
            report.add("all API requests per refresh (budget \(feed.first?.budget ?? 0))",
                       feed.map { "\($0.customers / 1000)k: \($0.maxRequests)" }.joined(separator: ", "),
                       target: "≤ budget", met: feed.allSatisfy { $0.maxRequests <= $0.budget })

            for generator in SandboxBenchmark.LoadGenerator.allCases {
                let sandbox = try await SandboxBenchmark.run(customers: 1000, transactions: 20_000, concurrency: 8, duration: .seconds(5),
                                                             pageSize: 50, generator: generator) { report.note($0) }
                report.add("sandbox: signed transaction/find, pages of 50 (\(generator.rawValue))",
                           String(format: "%.0f req/s", sandbox.requestsPerSecond), target: "≥ 2000 req/s",
                           met: sandbox.requestsPerSecond >= 2000)
            }
            try await WebhookLoadBenchmark.run(perSecond: 1000, seconds: quick ? 3 : 10, report: report)
            report.summary()
        }

        /// Every figure that depends on the store's size, at one scale; the store is removed after.
        private func measureStore(_ scale: BenchScale, binary: URL, work: URL, report: BenchReport) throws {
            report.beginScale(scale.label)
            defer { report.endScale() }
            let directory = work.appendingPathComponent("store-\(scale.name)")
            defer { try? FileManager.default.removeItem(at: directory) }
            report.note("building the scenario: \(scale) (the whole run at 1M / 10M should end within 15 minutes)")
            let store = try StoreScenario.build(customers: scale.customers, transactions: scale.transactions, in: directory) {
                report.note($0)
            }
            report.add("scenario store built, \(store.label)", String(format: "%.1f s, %.0f rows/s, %.0f MB", store.seconds, store.rowsPerSecond,
                       Double(store.bytes) / 1_048_576), target: "—", met: nil)

            try KeystrokeBenchmark.run(store: store, report: report)

            if TmuxServer.isAvailable {
                try TerminalBenchmarks.startAndMemory(binary: binary, store: store, home: work, report: report)
                try TerminalBenchmarks.bytesPerRowChange(binary: binary, store: store, home: work, report: report)
                try KeyLatencyBenchmark.run(binary: binary, store: store, home: work, report: report)
            } else {
                report.note("tmux is not installed: cold start, memory, bytes, key latency and idle CPU are not measured (apt-get install tmux)")
            }
            try ImportBenchmark.run(binary: binary, rows: scale.customers, home: work, report: report)
        }
    }

    struct Webhooks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhooks",
            abstract: "Signed webhooks at a fixed rate into the receiver over loopback; none may be lost.")
        @Option(name: .customLong("per-second"), help: "Deliveries per second.") var perSecond = 1000
        @Option(help: "Seconds to run.") var seconds = 10

        func validate() throws {
            guard (1...20_000).contains(perSecond), (1...600).contains(seconds) else {
                throw ValidationError("--per-second 1–20000 and --seconds 1–600")
            }
        }

        func run() async throws {
            let report = BenchReport()
            try await WebhookLoadBenchmark.run(perSecond: perSecond, seconds: seconds, report: report)
            report.summary()
        }
    }

    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Keystroke → frame in the customers view (scroll, filter, sort) and the overview.")
        @Option(help: "Customers in the scenario (instead of --scale).") var customers: Int?
        @Option(help: "Transactions in the scenario's store (what the overview's figures are read from).") var transactions: Int?
        @Option(help: BenchScales.help) var scale: BenchScales?
        @Option(help: "Keep the scenario store here and reuse it on the next run (one scale only).") var scenario: String?

        func validate() throws {
            if scenario != nil, (scale?.scales.count ?? 1) > 1 { throw ValidationError("--scenario keeps one store: give one scale") }
        }

        func run() async throws {
            let report = BenchReport()
            let scales = scale?.scales ?? [BenchScale(name: "custom", customers: customers ?? 100_000, transactions: transactions ?? 0)]
            for scale in scales {
                if scales.count > 1 { report.beginScale(scale.label) }
                let work = try scenario.map { URL(fileURLWithPath: $0) } ?? scratchDirectory("keys")
                defer { if scenario == nil { try? FileManager.default.removeItem(at: work) } }
                let store = scenario == nil
                    ? try StoreScenario.build(customers: scale.customers, transactions: scale.transactions, in: work) { report.note($0) }
                    : try StoreScenario.reuseOrBuild(customers: scale.customers, transactions: scale.transactions, in: work) { report.note($0) }
                try KeystrokeBenchmark.run(store: store, report: report)
                if scales.count > 1 { report.endScale() }
            }
            report.summary()
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Cold start to the first frame and peak memory of the dashboard on the large store.")
        @Option(help: "Keep the scenario store here and reuse it on the next run.") var scenario: String?
        @Option(help: "Customers in the scenario.") var customers = 100_000
        @Option(help: "Transactions in the scenario's store.") var transactions = 1_000_000
        @Option(help: "The scenario's size: \(BenchScale.help) (instead of --customers and --transactions).") var scale: BenchScales?

        func run() async throws {
            let report = BenchReport()
            let customers = scale?.scales.first?.customers ?? customers
            let transactions = scale?.scales.first?.transactions ?? transactions
            let directory = scenario.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-bench-start-\(UUID().uuidString)")
            let store = try StoreScenario.reuseOrBuild(customers: customers, transactions: transactions, in: directory) { report.note($0) }
            defer { if scenario == nil { try? FileManager.default.removeItem(at: directory) } }
            try TerminalBenchmarks.startAndMemory(binary: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
                                                  store: store, home: directory.deletingLastPathComponent(), report: report)
            report.summary()
        }
    }

    struct Idle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "idle",
            abstract: "Idle CPU and terminal bytes of the dashboard, then of htop the same way (120×36, no API traffic).")
        @Option(help: "Seconds to measure each program.") var seconds = 60.0

        func validate() throws {
            guard seconds >= 1, seconds <= 3600 else { throw ValidationError("--seconds must be between 1 and 3600") }
        }

        func run() async throws {
            guard TmuxServer.isAvailable else { throw ValidationError("tmux is needed (apt-get install tmux)") }
            let report = BenchReport()
            let home = try scratchDirectory("idle")
            defer { try? FileManager.default.removeItem(at: home) }
            try IdleBenchmark.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
                                  seconds: seconds, home: home, report: report)
            report.summary()
        }
    }

    struct Latency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "latency",
            abstract: "Keystroke → screen end to end: keys through tmux to the dashboard on the scenario store, p50 and p99.",
            discussion: """
                Keys go in through a tmux control-mode client and the pane's output is watched through its %output \
                notifications: the figure covers tmux, the dashboard's whole reaction and the write back, not a \
                terminal emulator's painting. A cross-check polls capture-pane until the screen differs.
                """)
        @Option(help: BenchScales.help) var scale = BenchScales([.standard])
        @Option(help: "Line-move keys to send (half as many page moves follow).") var keys = 200

        func validate() throws {
            guard (2...10_000).contains(keys) else { throw ValidationError("--keys must be between 2 and 10000") }
        }

        func run() async throws {
            guard TmuxServer.isAvailable else { throw ValidationError("tmux is needed (apt-get install tmux)") }
            let report = BenchReport()
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            let work = try scratchDirectory("latency")
            defer { try? FileManager.default.removeItem(at: work) }
            for scale in scale.scales {
                if self.scale.scales.count > 1 { report.beginScale(scale.label) }
                let store = try StoreScenario.build(customers: scale.customers, transactions: scale.transactions,
                                                    in: work.appendingPathComponent("store-\(scale.name)")) { report.note($0) }
                try KeyLatencyBenchmark.run(binary: binary, store: store, home: work, report: report, keys: keys)
                try? FileManager.default.removeItem(at: store.dataDirectory)
                if self.scale.scales.count > 1 { report.endScale() }
            }
            report.summary()
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "pursedesk customer import of a generated CSV into a new store: seconds and peak memory.")
        @Option(help: "Rows in the CSV.") var rows = 1_000_000

        func validate() throws {
            guard (1...50_000_000).contains(rows) else { throw ValidationError("--rows must be between 1 and 50000000") }
        }

        func run() async throws {
            let report = BenchReport()
            let work = try scratchDirectory("import")
            defer { try? FileManager.default.removeItem(at: work) }
            try ImportBenchmark.run(binary: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(), rows: rows,
                                    home: work, report: report)
            report.summary()
        }
    }

    struct SandboxBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sandbox",
            abstract: "Signed transaction/find requests per second against the sandbox on loopback.")
        @Option(help: "Seeded customers.") var customers = 1000
        @Option(help: "Seeded transactions.") var transactions = 20_000
        @Option(help: "Concurrent clients.") var concurrency = 8
        @Option(help: "Seconds to run.") var seconds = 5.0
        @Option(name: .customLong("page-size"), help: "Transactions per page.") var pageSize = 50
        @Flag(help: "Use the project's client (decodes every page) instead of lean signed requests.") var decode = false

        func validate() throws {
            guard customers >= 1, transactions >= 0, (1...256).contains(concurrency), seconds > 0, (1...500).contains(pageSize) else {
                throw ValidationError("need customers ≥ 1, transactions ≥ 0, concurrency 1–256, seconds > 0, page size 1–500")
            }
        }

        func run() async throws {
            let result = try await SandboxBenchmark.run(
                customers: customers, transactions: transactions, concurrency: concurrency,
                duration: .milliseconds(Int(seconds * 1000)), pageSize: pageSize, generator: decode ? .projectClient : .lean) { line in print(line) }
            print(String(format: "transaction/find, pages of %d: %.0f signed requests/s (target ≥ 2000) — %d requests, %d failures, %.1f s",
                         pageSize, result.requestsPerSecond, result.requests, result.failures, result.seconds))
        }
    }
}

/// A new directory under the temporary directory for one benchmark run.
func scratchDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-bench-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
