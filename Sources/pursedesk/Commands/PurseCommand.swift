import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

struct PurseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purse",
        abstract: "Deposit addresses (purses) of a customer.",
        subcommands: [Get.self, List.self]
    )

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Get (or issue) the customer's deposit address for a currency.",
            discussion: """
                Calypso returns the customer's active address when there is one, and issues a new address when the \
                last one expired or was declined; the answer says which. The request is recorded in the audit log.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var customerId: String
        @Argument(help: "A currency code, e.g. ETH or USDT_BSC.") var currency: String

        func validate() throws {
            try ArgumentChecks.uuid(customerId, "CUSTOMER_ID")
            try ArgumentChecks.currency(currency.uppercased())
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let issued = try await perform { () async throws(OperatorActions.Failure) in
                    try await model.actions().issueAddress(customerId: customerId, currency: Currency(currency))
                }
                let purse = issued.purse
                if global.json { return try Output.json(IssuedAddressJSON(issued)) }
                print(issued.freshness == .new ? "new address issued" : "the customer's existing active address (no new one was issued)")
                Output.fields([
                    ("address", purse.address ?? "—"), ("purse id", purse.id ?? "—"),
                    ("currency", purse.currency?.rawValue ?? currency.uppercased()),
                    ("blockchain", purse.blockchain ?? "—"), ("status", purse.status?.labelWithAPIName ?? "—"),
                    ("expires", Output.date(purse.expiryDate)),
                ])
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every purse of a customer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var customerId: String

        func validate() throws { try ArgumentChecks.uuid(customerId, "CUSTOMER_ID") }

        func run() async throws {
            try await runReporting {
                let context = try CommandContext(global)
                let purses = try await context.client().purses(customerId: customerId)
                if global.json { return try Output.json(purses) }
                if purses.isEmpty { return print("no purses") }
                Output.table(
                    ["ID", "CURRENCY", "BLOCKCHAIN", "STATUS", "ADDRESS", "EXPIRES"],
                    purses.map {
                        [$0.id ?? "—", $0.currency?.rawValue ?? $0.currencies?.map(\.rawValue).joined(separator: ",") ?? "—",
                         $0.blockchain ?? "—", $0.status?.label ?? "—", $0.address ?? "—", Output.date($0.expiryDate)]
                    })
            }
        }
    }
}
