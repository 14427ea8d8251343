import CalypsoAPI
import DeskModel
import Foundation
import PursedeskConfig
import TeamStore

/// The store and audited actions for the configured account, for commands that write.
/// In team mode the store is the desk's replica and actions are audited in the team's log.
struct LocalModel {
    let store: DeskStore
    let events = EventHub<DeskEvent>()
    let client: CalypsoClient
    let diagnostics: Diagnostics
    let team: TeamStore?
    let operatorName: String

    init(_ context: CommandContext) throws {
        client = try context.client()
        diagnostics = context.diagnostics
        operatorName = TeamMode.operatorName(context)
        team = try TeamMode.team(context, account: client.credentials.account)
        if let team {
            store = try TeamMode.openReplica(context, account: client.credentials.account, team: team)
            return
        }
        do {
            store = try DeskStore.open(dataDirectory: context.configuration.dataDirectory, account: client.credentials.account)
        } catch {
            throw CommandFailure(message: "cannot open the local store in \(context.configuration.dataDirectory.path): \(error)",
                                 exitCode: ExitStatus.configuration)
        }
    }

    func actions() -> OperatorActions {
        OperatorActions(client: client, store: store, events: events, user: operatorName, journal: team.map(TeamActionJournal.init),
                        logger: diagnostics.logger("actions"))
    }
}

extension OperatorActions.Failure {
    var commandFailure: CommandFailure {
        switch self {
        case .api(let error): CommandFailure(message: error.description, exitCode: ExitStatus.of(error))
        case .readOnly, .store, .notAudited: CommandFailure(message: description, exitCode: ExitStatus.apiFailure)
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
