import CalypsoAPI
import Foundation

/// Everything pursedesk needs to know before it talks to anyone, resolved from (highest first)
/// command-line options, `CALYPSO_*` environment variables, the chosen profile of the config file,
/// and defaults.
public struct Configuration: Sendable {
    public enum CredentialSource: Sendable, Equatable {
        case environment
        case profile(String)
        case none
    }

    /// Nil when no credentials are configured: the dashboard then runs on the embedded sandbox.
    public var credentials: Credentials?
    public var credentialSource: CredentialSource
    public var profileName: String?
    public var paths = EndpointPaths()
    public var dataDirectory: URL
    public var configFile: URL
    /// Seconds between refreshes of what the operator looks at (floor 1).
    public var refreshInterval: Double = 2
    /// Requests per second the sync engine may spend.
    public var requestBudget: Double = 10
    public var requestTimeout: Double = 10
    public var theme: String?
    /// Ring the terminal bell when a new alert arrives.
    public var bell = true
    /// Action name → key name, e.g. `block = "B"`.
    public var keyBindings: [String: String] = [:]
    public var webhookListen: String?
    /// Where the desk's data lives: nil for the local SQLite file, `postgres://…` for a team store.
    public var store: String?
    /// A file holding the team store's password.
    public var storePasswordFile: String?
    /// The operator's name in the audit log (`operator = "…"`).
    public var operatorName: String?
    /// Webhook subscription public key → its secret.
    public var webhookSecrets: [String: Secret] = [:]
    /// Things the user should know (a secret readable by others, an ignored key).
    public var warnings: [String] = []

    public init(credentials: Credentials?, credentialSource: CredentialSource, dataDirectory: URL, configFile: URL) {
        self.credentials = credentials
        self.credentialSource = credentialSource
        self.dataDirectory = dataDirectory
        self.configFile = configFile
    }
}

public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
