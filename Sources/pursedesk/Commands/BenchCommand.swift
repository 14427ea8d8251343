import ArgumentParser
import CalypsoSandbox
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures next to their targets (use a release build: swift build -c release).",
        subcommands: [SandboxBench.self]
    )

    struct SandboxBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sandbox",
            abstract: "Signed transaction/find requests per second against the sandbox on loopback.")
        @Option(help: "Seeded customers.") var customers = 1000
        @Option(help: "Seeded transactions.") var transactions = 20_000
        @Option(help: "Concurrent clients.") var concurrency = 8
        @Option(help: "Seconds to run.") var seconds = 5.0
        @Option(name: .customLong("page-size"), help: "Transactions per page.") var pageSize = 50

        func validate() throws {
            guard customers >= 1, transactions >= 0, (1...256).contains(concurrency), seconds > 0, (1...500).contains(pageSize) else {
                throw ValidationError("need customers ≥ 1, transactions ≥ 0, concurrency 1–256, seconds > 0, page size 1–500")
            }
        }

        func run() async throws {
            let result = try await SandboxBenchmark.run(
                customers: customers, transactions: transactions, concurrency: concurrency,
                duration: .milliseconds(Int(seconds * 1000)), pageSize: pageSize) { line in print(line) }
            print(String(format: "transaction/find, pages of %d: %.0f signed requests/s (target ≥ 2000) — %d requests, %d failures, %.1f s",
                         pageSize, result.requestsPerSecond, result.requests, result.failures, result.seconds))
        }
    }
}
