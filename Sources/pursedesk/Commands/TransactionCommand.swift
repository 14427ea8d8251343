import ArgumentParser
import CalypsoAPI
import Foundation

struct TransactionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Deposit transactions.",
        subcommands: [Get.self, Find.self]
    )

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one transaction.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transaction's id.") var transactionId: String

        func validate() throws { try ArgumentChecks.uuid(transactionId, "TX_ID") }

        func run() async throws {
            try await runReporting {
                let context = try CommandContext(global)
                let tx = try await context.client().transaction(id: transactionId)
                if global.json { return try Output.json(tx) }
                Output.fields(zip(Output.transactionHeader.map { $0.lowercased() }, Output.transactionRow(tx)).map { ($0, $1) }
                    + [("from", tx.addressFrom ?? "—")])
            }
        }
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find transactions, newest first.",
            discussion: "Pages are numbered from 0. States: MEM_POOL_FOUND, PENDING_COMPLIANCE_CHECK, CONFIRMED, DECLINED.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this customer's transactions.") var customer: String?
        @Option(help: "Only this currency, e.g. ETH.") var currency: String?
        @Option(help: "Only this transaction state.") var state: String?
        @Option(help: "Page number, from 0.") var page = 0
        @Option(help: "Transactions per page (1–500).") var size = 20
        @Flag(help: "Oldest first.") var ascending = false

        func validate() throws {
            if let customer { try ArgumentChecks.uuid(customer, "--customer") }
            if let currency { try ArgumentChecks.currency(currency.uppercased()) }
            if let state, !TransactionState(state).isKnown {
                throw ValidationError("--state must be one of \(TransactionState.known.map(\.rawValue).joined(separator: ", "))")
            }
            guard page >= 0 else { throw ValidationError("--page starts at 0") }
            guard (1...500).contains(size) else { throw ValidationError("--size must be between 1 and 500") }
        }

        func run() async throws {
            try await runReporting {
                let context = try CommandContext(global)
                let request = TransactionFindRequest(
                    customerId: customer,
                    currencyFilter: currency.map { StringFilter(equals: $0.uppercased()) },
                    transactionStateFilter: state.map { StringFilter(equals: TransactionState($0).rawValue) },
                    pageNumber: page, pageSize: size, sort: ascending ? .asc : .desc, properties: "createdDate")
                let result = try await context.client().findTransactions(request)
                if global.json { return try Output.json(result) }
                Output.table(Output.transactionHeader, result.result.map(Output.transactionRow))
                print("page \(result.page) of \(max(result.total, 1)) (pages from 0), \(result.totalElements) transactions in all")
            }
        }
    }
}
