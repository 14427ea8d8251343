import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

struct TransactionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Deposit transactions: show, find, export.",
        subcommands: [Get.self, Find.self, Export.self]
    )

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one transaction.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The transaction's id.") var transactionId: String

        func validate() throws { try ArgumentChecks.uuid(transactionId, "TX_ID") }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let tx = try await model.client.transaction(id: transactionId)
                let customer = try model.store.owner(of: tx)
                if global.json { return try Output.json(TransactionJSON(transaction: tx, customer: customer)) }
                Output.fields([
                    ("id", tx.id), ("created", Output.date(tx.createdDate)), ("customer", Output.customerName(customer)),
                    ("currency", tx.currency.rawValue), ("amount", tx.amount.description), ("state", tx.transactionState.labelWithAPIName),
                    ("compliance", tx.complianceState.rawValue), ("credited", tx.translationToAccountCompleted ? "yes" : "no"),
                    ("hash", tx.transactionHash ?? "—"), ("address", tx.address ?? "—"), ("from", tx.addressFrom ?? "—"),
                ])
            }
        }
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find transactions, newest first.",
            discussion: "Pages are numbered from 0. States: \(Vocabulary.legend(Vocabulary.depositStates)) (either name works).")
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
            if let state, TransactionState(labelOrAPIName: state) == nil {
                throw ValidationError("--state must be one of \(Vocabulary.legend(Vocabulary.depositStates))")
            }
            guard page >= 0 else { throw ValidationError("--page starts at 0") }
            guard (1...500).contains(size) else { throw ValidationError("--size must be between 1 and 500") }
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let request = TransactionFindRequest(
                    customerId: customer,
                    currencyFilter: currency.map { StringFilter(equals: $0.uppercased()) },
                    transactionStateFilter: state.flatMap(TransactionState.init(labelOrAPIName:)).map { StringFilter(equals: $0.rawValue) },
                    pageNumber: page, pageSize: size, sort: ascending ? .asc : .desc, properties: "createdDate")
                let result = try await model.client.findTransactions(request)
                if global.json { return try Output.json(result) }
                let rows = try result.result.map { Output.transactionRow($0, customer: try model.store.owner(of: $0)) }
                Output.table(Output.transactionHeader, rows)
                print("page \(result.page) of \(max(result.total, 1)) (pages from 0), \(Output.count(Int(result.totalElements), "transaction")) in all")
            }
        }
    }
}
