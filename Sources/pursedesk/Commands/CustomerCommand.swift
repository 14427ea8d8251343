import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "List, show, create, update, block and unblock customers; case notes.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Block.self, Unblock.self, Note.self, History.self, Import.self, Forget.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a customer.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The customer's email address.") var email: String?
        @Option(help: "Free text about the customer.") var description: String?
        @Option(name: .customLong("external-id"), help: "Your own reference for the customer.") var externalId: String?

        func validate() throws {
            try ArgumentChecks.email(email)
            try ArgumentChecks.text(description, "--description")
            try ArgumentChecks.text(externalId, "--external-id", limit: 128)
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let customer = try await perform {
                    () async throws(OperatorActions.Failure) in
                    try await model.actions().createCustomer(CustomerCreateRequest(email: email, description: description, externalId: externalId))
                }
                try Output.customer(customer, json: global.json)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update a customer's email, description or external id.",
            discussion: "Fields you leave out keep the values pursedesk last saw for this customer, which are sent along.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String
        @Option(help: "The customer's email address.") var email: String?
        @Option(help: "Free text about the customer.") var description: String?
        @Option(name: .customLong("external-id"), help: "Your own reference for the customer.") var externalId: String?

        func validate() throws {
            try ArgumentChecks.uuid(id, "ID")
            try ArgumentChecks.email(email)
            try ArgumentChecks.text(description, "--description")
            try ArgumentChecks.text(externalId, "--external-id", limit: 128)
            if email == nil, description == nil, externalId == nil {
                throw ValidationError("nothing to update: give --email, --description or --external-id")
            }
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let customer = try await perform { () async throws(OperatorActions.Failure) in
                    try await model.actions().updateCustomer(id: id, email: email, description: description, externalId: externalId)
                }
                try Output.customer(customer, json: global.json)
            }
        }
    }

    struct Block: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Block a customer (their addresses keep receiving funds).",
            discussion: "Asks for confirmation on a terminal; elsewhere pass --yes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String
        @Flag(name: .long, help: "Do not ask for confirmation.") var yes = false
        @Option(help: "Why (a ticket number, say); kept in the audit log.") var reason: String?

        func validate() throws {
            try ArgumentChecks.uuid(id, "ID")
            try ArgumentChecks.text(reason, "--reason")
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let confirmation = try confirmOrFail(action: "Block", id: id, yes: yes)
                let customer = try await perform { () async throws(OperatorActions.Failure) in
                    try await model.actions().block(customerId: id, confirmation: confirmation, reason: reason)
                }
                try Output.customer(customer, json: global.json)
            }
        }
    }

    struct Unblock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unblock a customer.",
            discussion: "Asks for confirmation on a terminal; elsewhere pass --yes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String
        @Flag(name: .long, help: "Do not ask for confirmation.") var yes = false
        @Option(help: "Why (a ticket number, say); kept in the audit log.") var reason: String?

        func validate() throws {
            try ArgumentChecks.uuid(id, "ID")
            try ArgumentChecks.text(reason, "--reason")
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let confirmation = try confirmOrFail(action: "Unblock", id: id, yes: yes)
                let customer = try await perform { () async throws(OperatorActions.Failure) in
                    try await model.actions().unblock(customerId: id, confirmation: confirmation, reason: reason)
                }
                try Output.customer(customer, json: global.json)
            }
        }
    }
}

/// Destructive commands need `--yes`, or a typed `y` when a person is at the terminal.
func confirmOrFail(action: String, id: String, yes: Bool) throws -> Confirmation {
    if yes { return .confirmed(by: OperatorActions.osUser + " (--yes)") }
    guard Terminal.standardInputIsTerminal else {
        throw CommandFailure(message: "\(action.lowercased()) needs confirmation: pass --yes", exitCode: 64)
    }
    guard Terminal.confirm("\(action) customer \(id)?") else {
        throw CommandFailure(message: "\(action.lowercased()) cancelled", exitCode: 1)
    }
    return .confirmed(by: OperatorActions.osUser)
}
