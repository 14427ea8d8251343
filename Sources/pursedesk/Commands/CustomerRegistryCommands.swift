import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

extension CustomerCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add customers you already have to the local registry from a CSV file.",
            discussion: """
                The file needs a header with an id column; email, externalId and description are optional. \
                Fields are separated by commas, semicolons or tabs, whichever the header uses (as spreadsheets \
                write them; UTF-8, with or without a byte order mark). \
                Every row is checked first: if any row is bad, nothing is imported and each bad row is listed \
                by line number. Nothing is sent to Calypso.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let outcome: CustomerImport.Outcome
                do {
                    outcome = try CustomerImport.run(file: URL(fileURLWithPath: file), into: model.store)
                } catch {
                    throw CommandFailure(message: "\(file): \(error)", exitCode: 65)
                }
                if global.json { return try Output.json(["added": outcome.added, "updated": outcome.updated]) }
                print("imported \(outcome.added + outcome.updated) customers (\(outcome.added) new, \(outcome.updated) updated)")
            }
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a customer from the local registry (nothing is sent to Calypso).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's id.") var id: String

        func validate() throws { try ArgumentChecks.uuid(id, "ID") }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                guard try model.store.forgetCustomer(id: id) else {
                    throw CommandFailure(message: "customer \(id) is not in the local registry", exitCode: ExitStatus.notFound)
                }
                print("forgot customer \(id) locally")
            }
        }
    }
}
