import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

extension CustomerCommand {
    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a case note to a customer (shared with the team in team mode).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String
        @Argument(help: "The note.") var text: String

        func validate() throws {
            try ArgumentChecks.uuid(id, "ID")
            try ArgumentChecks.text(text, "the note")
            if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the note is empty") }
        }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                try await perform { () async throws(OperatorActions.Failure) in
                    try await model.actions().addNote(customerId: id, text: text)
                }
                print("note added to \(id)")
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what operators did to a customer: blocks and unblocks with their reasons, and notes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String

        func validate() throws { try ArgumentChecks.uuid(id, "ID") }

        func run() async throws {
            try await runReporting {
                let context = try CommandContext(global)
                let model = try LocalModel(context)
                if let team = model.team {
                    do {
                        try await team.refreshReplica(model.store)
                    } catch {
                        Terminal.printError("warning: showing the local copy: \(error)")
                    }
                }
                let entries = try model.store.caseHistory(customerId: id)
                if global.json { return try Output.json(entries) }
                Output.table(["AT", "OPERATOR", "ACTION", "RESULT", "DETAIL"], entries.map {
                    [Output.date($0.at), $0.user, $0.action, $0.result.rawValue, $0.detail ?? ""]
                })
            }
        }
    }
}
