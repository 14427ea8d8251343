import CalypsoAPI
import DeskModel
import Foundation
import PursedeskConfig

/// The store and audited actions for the configured account, for commands that write.
struct LocalModel {
    let store: DeskStore
    let events = EventHub<DeskEvent>()
    let client: CalypsoClient
    let diagnostics: Diagnostics

    init(_ context: CommandContext) throws {
        client = try context.client()
        diagnostics = context.diagnostics
        do {
            store = try DeskStore.open(dataDirectory: context.configuration.dataDirectory, account: client.credentials.account)
        } catch {
            throw CommandFailure(message: "cannot open the local store in \(context.configuration.dataDirectory.path): \(error)",
                                 exitCode: ExitStatus.configuration)
        }
    }

    func actions() -> OperatorActions { OperatorActions(client: client, store: store, events: events, logger: diagnostics.logger("actions")) }
}

extension OperatorActions.Failure {
    var commandFailure: CommandFailure {
        switch self {
        case .api(let error): CommandFailure(message: error.description, exitCode: ExitStatus.of(error))
        case .readOnly, .store: CommandFailure(message: description, exitCode: ExitStatus.apiFailure)
        }
    }
}

/// Runs an audited action, turning its failure into a one-line command failure.
func perform<Result>(_ action: () async throws(OperatorActions.Failure) -> Result) async throws -> Result {
    do {
        return try await action()
    } catch {
        throw error.commandFailure
    }
}
