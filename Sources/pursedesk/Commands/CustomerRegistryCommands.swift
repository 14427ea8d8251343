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
                The file is read as a stream (a million rows need no more memory than ten) and imported in \
                one transaction: if any row is bad, nothing is imported and each bad row is listed by line \
                number (the first 1000). On a terminal, a progress bar shows on standard error. Nothing is \
                sent to Calypso.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let outcome: CustomerImport.Outcome
                let bar = ProgressBar()
                do {
                    outcome = try CustomerImport.run(file: URL(fileURLWithPath: file), into: model.store) { progress in
                        bar.show(fraction: progress.totalBytes > 0 ? Double(progress.bytesRead) / Double(progress.totalBytes) : 0,
                                 "\(progress.rows) rows checked")
                    }
                } catch {
                    bar.finish()
                    throw CommandFailure(message: "\(file): \(error)", exitCode: 65)
                }
                bar.finish()
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
