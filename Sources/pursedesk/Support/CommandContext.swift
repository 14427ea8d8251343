import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation
import Logging
import PursedeskConfig

/// Resolves configuration and builds the client for one command; prints warnings once.
struct CommandContext {
    let configuration: Configuration
    let options: GlobalOptions
    /// The log file's loggers (nowhere when the file cannot be opened; `doctor` says why).
    let diagnostics: Diagnostics

    init(_ options: GlobalOptions) throws {
        self.options = options
        do {
            var loaded = try ConfigurationLoader(profile: options.profile, dataDirectory: options.dataDir,
                                                 configFile: options.config).load()
            if let account = options.account { loaded.credentials?.account = account }
            configuration = loaded
        } catch {
            throw CommandFailure(message: error.message, exitCode: ExitStatus.configuration)
        }
        for warning in configuration.warnings { Terminal.printError(warning) }
        diagnostics = Self.openLog(configuration, level: options.logLevel ?? configuration.logLevel.flatMap { Logger.Level(rawValue: $0.rawValue) } ?? .info)
    }

    static func openLog(_ configuration: Configuration, level: Logger.Level) -> Diagnostics {
        let secrets = [configuration.credentials?.apiSecret.exposedValue, configuration.storePassword?.exposedValue].compactMap { $0 }
            + configuration.webhookSecrets.values.map(\.exposedValue)
        guard let file = try? LogFile(url: LogFile.defaultURL(), secrets: secrets) else { return .silent }
        return Diagnostics(file: file, level: level)
    }

    /// For the configured account, or `account` with the same key.
    func client(account: String? = nil) throws -> CalypsoClient {
        guard var credentials = configuration.credentials else {
            throw CommandFailure(
                message: "no credentials: set CALYPSO_ACCOUNT, CALYPSO_API_KEY and CALYPSO_API_SECRET, add a profile to \(configuration.configFile.path), or start `pursedesk sandbox` and use the exports it prints",
                exitCode: ExitStatus.configuration)
        }
        if let account { credentials.account = account }
        return client(for: credentials)
    }

    /// A client for `credentials` with this command's timeout and request log, and the configured
    /// endpoint paths unless it talks to the embedded sandbox (which serves the documented ones).
    func client(for credentials: Credentials, configuredPaths: Bool = true) -> CalypsoClient {
        var clientOptions = ClientOptions()
        if configuredPaths { clientOptions.paths = configuration.paths }
        clientOptions.timeout = .milliseconds(Int((options.timeout ?? configuration.requestTimeout) * 1000))
        let verbose = options.verbose, requests = diagnostics.logger("api")
        clientOptions.requestLog = { entry in
            if verbose { Terminal.printError("› " + entry.line) }
            RequestLogging.record(entry, to: requests)
        }
        return CalypsoClient(credentials: credentials, options: clientOptions)
    }
}

enum ExitStatus {
    static let apiFailure: Int32 = 1
    static let configuration: Int32 = 2
    static let authentication: Int32 = 3
    static let notFound: Int32 = 4

    static func of(_ error: CalypsoError) -> Int32 {
        switch error {
        case .authentication: authentication
        case .notFound: notFound
        default: apiFailure
        }
    }
}

/// A failure already phrased for people: printed as one line, then exit with its status.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32
}

/// Runs a command body, turning every failure into one line on standard error and an exit status.
func runReporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let failure as CommandFailure {
        Terminal.printError("pursedesk: error: \(failure.message)")
        throw ExitCode(failure.exitCode)
    } catch let error as CalypsoError {
        Terminal.printError("pursedesk: error: \(error)")
        throw ExitCode(ExitStatus.of(error))
    }
}
