import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

extension CustomerCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List customers from the local registry.",
            discussion: """
                The registry holds every customer pursedesk created, imported or saw in a deposit. BLOCKED is \
                yes, no or unknown: the API has no call that fetches a customer, so a customer seen only in \
                deposits stays unknown until a block, unblock, update or webhook says which.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only customers whose blocked flag is yes, no or unknown.") var blocked: String?
        @Option(help: "Only customers whose id, email, external id or description contain every word.") var filter: String?

        func validate() throws {
            if let blocked, BlockState(filterWord: blocked) == nil {
                throw ValidationError("--blocked must be yes, no or unknown, not \"\(blocked.prefix(40))\"")
            }
            try ArgumentChecks.text(filter, "--filter")
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let query = CustomerQuery(blocked: blocked.flatMap(BlockState.init(filterWord:)), text: filter)
                let customers = try model.store.customers(matching: query)
                if global.json { return try Output.json(customers.map(CustomerListJSON.init)) }
                if customers.isEmpty {
                    let filtered = blocked != nil || !(filter ?? "").isEmpty
                    // An empty registry is not "nothing matches": a new data directory has not synced yet.
                    return print(filtered ? "no customers match"
                                          : "no customers in the local registry yet: `pursedesk sync` (or the dashboard) fills it from the API")
                }
                Output.table(["ID", "EMAIL", "EXTERNAL ID", "BLOCKED", "PURSES", "PENDING", "LAST DEPOSIT"], customers.map {
                    [$0.id, $0.email ?? "—", $0.externalId ?? "—", $0.blockState.rawValue, String($0.purseCount),
                     String($0.pendingDeposits), Output.date($0.lastDepositAt)]
                })
                print(Output.count(customers.count, "customer"))
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a customer from the local registry with their purses and deposits.",
            discussion: "Reads what pursedesk has stored; run `pursedesk sync` first for the latest.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String

        func validate() throws { try ArgumentChecks.uuid(id, "ID") }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                guard let overview = try model.store.overview(customerId: id.lowercased()) ?? model.store.overview(customerId: id) else {
                    throw CommandFailure(message: "customer \(id) is not in the local registry", exitCode: ExitStatus.notFound)
                }
                if global.json { return try Output.json(CustomerOverviewJSON(overview)) }
                let customer = overview.customer
                Output.fields(Output.customerFields(customer) + [
                    ("pending", String(customer.pendingDeposits)),
                    ("last deposit", Output.date(customer.lastDepositAt)),
                    ("deposits", overview.depositCount == 0 ? "none stored"
                        : "\(overview.depositCount) stored (" + overview.depositsByState.sorted { $0.key < $1.key }
                            .map { "\(TransactionState($0.key).label) \($0.value)" }.joined(separator: ", ")
                            + ", \(overview.creditedDeposits) credited)"),
                ])
                print("")
                if overview.purses.isEmpty {
                    print("no purses stored")
                } else {
                    Output.table(["PURSE", "CURRENCY", "CHAIN", "STATUS", "ADDRESS", "EXPIRES", "LAST DEPOSIT"], overview.purses.map {
                        [$0.purseId, $0.currency, $0.blockchain ?? "—", $0.status.label, $0.address ?? "—",
                         Output.date($0.expiresAt), Output.date($0.lastDepositAt)]
                    })
                }
                guard !overview.recentDeposits.isEmpty else { return }
                print("")
                print(overview.depositCount > overview.recentDeposits.count
                      ? "latest \(overview.recentDeposits.count) of \(Output.count(overview.depositCount, "deposit")):" : "deposits:")
                Output.table(["ID", "CREATED", "CURRENCY", "AMOUNT", "STATE", "CREDITED"], overview.recentDeposits.map {
                    [$0.id, Output.date($0.createdAt), $0.currency, $0.amount, $0.state.label, $0.credited ? "yes" : "no"]
                })
            }
        }
    }
}

/// A customer in `customer list` / `get`: `CustomerJSON` plus the registry's summary figures.
struct CustomerListJSON: Encodable {
    var customer: CustomerJSON
    var purses: Int
    var pendingDeposits: Int
    var lastDepositDate: Date?

    init(_ summary: CustomerSummary) {
        customer = CustomerJSON(summary)
        purses = summary.purseCount
        pendingDeposits = summary.pendingDeposits
        lastDepositDate = summary.lastDepositAt
    }

    enum CodingKeys: String, CodingKey { case purses, pendingDeposits, lastDepositDate }

    func encode(to encoder: Encoder) throws {
        try customer.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(purses, forKey: .purses)
        try container.encode(pendingDeposits, forKey: .pendingDeposits)
        try container.encode(lastDepositDate, forKey: .lastDepositDate)
    }
}

struct CustomerOverviewJSON: Encodable {
    var customer: CustomerListJSON
    var purses: [PurseRecord]
    var depositsByState: [String: Int]
    var creditedDeposits: Int
    var recentDeposits: [TransactionRecord]

    init(_ overview: CustomerOverview) {
        customer = CustomerListJSON(overview.customer)
        purses = overview.purses
        depositsByState = overview.depositsByState
        creditedDeposits = overview.creditedDeposits
        recentDeposits = overview.recentDeposits
    }
}
