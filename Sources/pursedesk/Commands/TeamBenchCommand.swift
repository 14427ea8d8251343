import ArgumentParser
import CalypsoAPI
import Foundation
import TeamStore

extension BenchCommand {
    struct Team: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team",
            abstract: "A poller and 1, 5 and 20 following desks on a team store: API requests/s, desk-to-desk latency, PostgreSQL writes.",
            discussion: "Needs a PostgreSQL the benchmark may write to: --store postgres://… or PURSEDESK_STORE (scripts/pg-cluster start makes one). Each following desk runs in its own process.",
            subcommands: [Desk.self])
        @Option(help: "The team store to use.") var store: String?
        @Option(help: "Seconds per round.") var seconds = 10
        @Option(help: "Following desks per round, comma-separated.") var followers = "1,5,20"

        func run() async throws {
            try await runReporting {
                guard let text = store ?? ProcessInfo.processInfo.environment["PURSEDESK_STORE"] else {
                    throw CommandFailure(message: "bench team needs --store postgres://… or PURSEDESK_STORE", exitCode: ExitStatus.configuration)
                }
                let counts = followers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !counts.isEmpty, counts.allSatisfy({ (1...100).contains($0) }), (3...600).contains(seconds) else {
                    throw CommandFailure(message: "--followers takes counts 1–100 (e.g. 1,5,20) and --seconds 3–600", exitCode: 64)
                }
                let url: TeamStoreURL
                let password: CalypsoAPI.Secret?
                do {
                    url = try TeamStoreURL(parsing: text, defaultUser: TeamMode.loginName)
                    password = try StorePassword.resolve(for: url, passwordFile: nil)
                } catch {
                    throw CommandFailure(message: "\(error)", exitCode: ExitStatus.configuration)
                }
                let report = BenchReport()
                try await TeamBenchmark.run(storeText: text, connector: TeamConnector(url: url, password: password), followerCounts: counts, seconds: seconds,
                                            report: report)
                report.summary()
            }
        }
    }
}
