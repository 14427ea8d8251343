import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "One sync pass (or, with --offline, the stored state), printed for scripts and monitoring.",
        discussion: "Exit status 1 when the sync pass failed; the stored state is still printed.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Do not contact Calypso; print what is stored.") var offline = false
    @Option(help: "How many recent transactions to list.") var limit = 20

    func validate() throws {
        guard (0...10_000).contains(limit) else { throw ValidationError("--limit must be between 0 and 10000") }
    }

    struct Report: Encodable {
        var account: String
        var baseURL: String
        var connection: String
        var reason: String?
        var requests: Int
        var counts: StoreCounts
        var recentTransactions: [TransactionRecord]
        var alerts: [AlertRecord]
    }

    func run() async throws {
        try await runReporting {
            let context = try CommandContext(global)
            let model = try LocalModel(context)
            var connection: ConnectionState = .offline
            var requests = 0
            var failure: String?
            if !offline {
                var settings = SyncSettings(refreshInterval: .milliseconds(Int(context.configuration.refreshInterval * 1000)),
                                            requestsPerSecond: context.configuration.requestBudget)
                settings.maxFeedPages = 4
                let engine = SyncEngine(api: model.client, store: model.store, events: model.events, settings: settings)
                await engine.refreshOnce()
                if let warning = await CurrencyPairsCache.refresh(client: model.client, store: model.store).warning {
                    Terminal.printError("warning: \(warning)")
                }
                connection = await engine.connection
                requests = await engine.statistics.lastRefreshRequests
                failure = await engine.lastFailureDetail
            }
            let report = Report(
                account: model.client.credentials.account, baseURL: model.client.credentials.baseURL.absoluteString,
                connection: connection.label, reason: failure ?? connection.reason, requests: requests, counts: try model.store.counts(),
                recentTransactions: try model.store.recentTransactions(limit: limit), alerts: try model.store.alerts(limit: 20))
            if global.json {
                try Output.json(report)
            } else {
                print(report, requests: requests)
            }
            if connection.reason != nil { throw ExitCode(1) }
        }
    }

    private func print(_ report: Report, requests: Int) {
        Output.fields([
            ("account", report.account), ("source", report.baseURL),
            ("connection", report.connection + (offline ? "" : " (\(Output.count(requests, "request")))")),
            ("customers", "\(report.counts.customers) (\(report.counts.blocked) blocked, \(report.counts.blockedUnknown) unknown)"),
            // The same short names as the dashboard and `tx find` (the JSON keeps the API's).
            ("purses", report.counts.pursesByStatus.map { (PurseStatus($0.key).label, $0.value) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0) \($0.1)" }.joined(separator: ", ")),
            ("deposits", "\(report.counts.transactions) stored, \(report.counts.pendingDeposits) pending"),
            ("alerts", "\(report.alerts.count)"),
        ])
        if !report.recentTransactions.isEmpty {
            Swift.print("")
            Output.table(["UPDATED", "CUSTOMER", "CURRENCY", "AMOUNT", "STATE", "CREDITED", "ID"], report.recentTransactions.map {
                [Output.date($0.updatedAt), String(($0.customerId ?? "—").prefix(8)), $0.currency, $0.amount, $0.state.label,
                 $0.credited ? "yes" : "no", $0.id]
            })
        }
    }
}
