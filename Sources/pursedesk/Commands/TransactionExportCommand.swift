import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

extension TransactionCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a customer's deposits as CSV or JSON.",
            discussion: """
                One row per deposit with its latest state, oldest first; --history gives one row per state pursedesk \
                observed. Reads the local store unless --fetch is given, which pages through the API (and stores what it \
                gets). Amounts are exact decimals; times are ISO 8601 in UTC. CSV cells a spreadsheet would run as a \
                formula (starting with = + - @, tab or CR) get a leading apostrophe. --since is inclusive; --until DATE \
                includes that whole day (UTC). States: \(Vocabulary.legend(Vocabulary.depositStates)).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The customer's id.") var customer: String
        @Option(help: "Only deposits created at or after this date or time (UTC).") var since: String?
        @Option(help: "Only deposits created before this time, or up to the end of this date (UTC).") var until: String?
        @Option(help: "Only deposits in this state (short label or API name).") var state: String?
        @OptionGroup var export: ExportOptions
        @Flag(help: "One row per observed state instead of one per deposit.") var history = false
        @Flag(help: "Page through the API instead of reading the local store.") var fetch = false

        func validate() throws {
            try ArgumentChecks.uuid(customer, "--customer")
            if let state, TransactionState(labelOrAPIName: state) == nil {
                throw ValidationError("--state must be one of \(Vocabulary.legend(Vocabulary.depositStates))")
            }
            let since = try ExportDates.parse(since, "--since")
            let until = try ExportDates.parse(until, "--until", endOfDay: true)
            if let since, let until, since >= until { throw ValidationError("--since must be before --until") }
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let filter = ExportFilter(since: try ExportDates.parse(since, "--since"),
                                          until: try ExportDates.parse(until, "--until", endOfDay: true),
                                          state: state.flatMap(TransactionState.init(labelOrAPIName:)))
                let customerId = customer.lowercased()
                if !fetch, try model.store.customer(id: customerId) == nil {
                    throw CommandFailure(message: "customer \(customer) is not in the local registry; add --fetch to read the API",
                                         exitCode: ExitStatus.notFound)
                }
                let job = DepositExport(customerId: customerId, filter: filter, history: history)
                try await export.run(columns: job.columns) { writer in
                    if fetch {
                        do {
                            try await job.writeFetching(from: model.client, store: model.store, to: writer, progress: ExportProgressLine.show)
                        } catch let error as CalypsoError {
                            ExportProgressLine.finish()
                            if let path = export.output { Terminal.printError("the export in \(path) is incomplete") }
                            throw error
                        }
                    } else {
                        try job.writeFromStore(model.store, to: writer, progress: ExportProgressLine.show)
                    }
                }
            }
        }
    }
}
