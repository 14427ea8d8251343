import ArgumentParser
import CalypsoAPI
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
            discussion: "Calypso issues a new address when the last one expired or was declined.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var customerId: String
        @Argument(help: "A currency code, e.g. ETH or USDT_BSC.") var currency: String

        func validate() throws {
            try ArgumentChecks.uuid(customerId, "CUSTOMER_ID")
            try ArgumentChecks.currency(currency.uppercased())
        }

        func run() async throws {
            try await runReporting {
                let context = try CommandContext(global)
                let purse = try await context.client().depositAddress(customerId: customerId, currency: Currency(currency))
                if global.json { return try Output.json(purse) }
                Output.fields([
                    ("address", purse.address ?? "—"), ("purse id", purse.id ?? "—"),
                    ("currency", purse.currency?.rawValue ?? currency.uppercased()),
                    ("blockchain", purse.blockchain ?? "—"), ("status", purse.status?.rawValue ?? "—"),
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
                         $0.blockchain ?? "—", $0.status?.rawValue ?? "—", $0.address ?? "—", Output.date($0.expiryDate)]
                    })
            }
        }
    }
}
