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
    /// Action name → key name, e.g. `block = "B"`.
    public var keyBindings: [String: String] = [:]
    public var webhookListen: String?
    /// Webhook subscription public key → its secret.
    public var webhookSecrets: [String: Secret] = [:]
    /// Where the desk's store lives (`store`, or `PURSEDESK_STORE`), without any password in it.
    public var store: URL?
    /// The store's password: from `store_password_file`, or moved out of the `store` URL.
    public var storePassword: Secret?
    /// Who the audit log names (`operator`, or `PURSEDESK_OPERATOR`); nil: the login name.
    public var operatorName: String?
    /// Where dashboard exports go (`export_dir`); nil: the current directory.
    public var exportDirectory: URL?
    public var logLevel: LogLevel?
    /// Ring the terminal bell on a new alert (`bell`, top level or profile).
    public var bell = true
    /// Hashes and addresses as OSC 8 hyperlinks (`links`, top level or profile).
    public var links = true
    /// Chain name → explorer URL templates that override the built-in ones (`[profiles.X.explorers]`).
    public var explorers: [String: ExplorerTemplates] = [:]
    /// Things the user should know (a secret readable by others, an ignored key).
    public var warnings: [String] = []

    public init(credentials: Credentials?, credentialSource: CredentialSource, dataDirectory: URL, configFile: URL) {
        self.credentials = credentials
        self.credentialSource = credentialSource
        self.dataDirectory = dataDirectory
        self.configFile = configFile
    }
}

/// `log_level`: the levels of swift-log.
public enum LogLevel: String, CaseIterable, Sendable {
    case trace, debug, info, notice, warning, error, critical
}

/// Block-explorer URL templates of one chain: `tx` holds `{hash}`, `address` holds `{address}`.
public struct ExplorerTemplates: Sendable, Equatable {
    public static let hashPlaceholder = "{hash}"
    public static let addressPlaceholder = "{address}"
    public var transaction: String?
    public var address: String?

    public init(transaction: String? = nil, address: String? = nil) {
        self.transaction = transaction
        self.address = address
    }

    public func transactionURL(hash: String) -> String? {
        transaction?.replacingOccurrences(of: Self.hashPlaceholder, with: hash)
    }

    public func addressURL(_ value: String) -> String? {
        address?.replacingOccurrences(of: Self.addressPlaceholder, with: value)
    }
}

public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
