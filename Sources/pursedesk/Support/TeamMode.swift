import CalypsoAPI
import DeskModel
import Foundation
import TeamStore

/// Which store a command uses: `--store`, else `PURSEDESK_STORE`, else the profile's `store`.
/// None (or a local one) is today's SQLite file; `postgres://…` is team mode.
enum TeamMode {
    static func storeURL(_ context: CommandContext) throws -> TeamStoreURL? {
        // The configuration has PURSEDESK_STORE over the profile's `store`, with any password moved out.
        guard let text = context.options.store ?? context.configuration.store?.absoluteString else { return nil }
        guard TeamStoreURL.isTeamStore(text) else {
            throw CommandFailure(message: "--store must be a postgres://USER@HOST[:PORT]/DB URL (leave it out for the local SQLite store)",
                                 exitCode: ExitStatus.configuration)
        }
        do {
            return try TeamStoreURL(parsing: text, defaultUser: loginName)
        } catch {
            throw CommandFailure(message: error.description, exitCode: ExitStatus.configuration)
        }
    }

    /// The database user when the URL names none, as libpq does: the login name.
    static var loginName: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    /// `PURSEDESK_OPERATOR`, the profile's `operator`, else the login name.
    static func operatorName(_ context: CommandContext) -> String {
        context.configuration.operatorName ?? OperatorActions.osUser
    }

    static func connector(_ url: TeamStoreURL, _ context: CommandContext) throws -> TeamConnector {
        if let password = context.configuration.storePassword { return TeamConnector(url: url, password: password) }
        do throws(TeamStoreError) {
            return TeamConnector(url: url, password: try StorePassword.resolve(for: url, passwordFile: nil))
        } catch {
            throw CommandFailure(message: error.description, exitCode: ExitStatus.configuration)
        }
    }

    /// The team store for the account, when one is named.
    static func team(_ context: CommandContext, account: String) throws -> TeamStore? {
        guard let url = try storeURL(context) else { return nil }
        return TeamStore(connector: try connector(url, context), account: account,
                         origin: DeskOrigin(operatorName: operatorName(context)))
    }

    /// The desk's local replica of a team store: its own file, so the solo store stays as it was.
    static func openReplica(_ context: CommandContext, account: String, team: TeamStore) throws -> DeskStore {
        do {
            return try DeskStore.open(dataDirectory: context.configuration.dataDirectory, account: "\(account)-\(team.url.replicaName)")
        } catch {
            throw CommandFailure(message: "cannot open the local replica in \(context.configuration.dataDirectory.path): \(error)",
                                 exitCode: ExitStatus.configuration)
        }
    }
}

extension TeamStoreError {
    var commandFailure: CommandFailure {
        switch self {
        case .badURL: CommandFailure(message: description, exitCode: ExitStatus.configuration)
        default: CommandFailure(message: description, exitCode: ExitStatus.apiFailure)
        }
    }
}

/// Runs a team-store call, turning its failure into a one-line command failure.
func teamCall<Result>(_ body: () async throws(TeamStoreError) -> Result) async throws -> Result {
    do {
        return try await body()
    } catch {
        throw error.commandFailure
    }
}
