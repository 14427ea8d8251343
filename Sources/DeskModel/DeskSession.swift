import CalypsoAPI
import Foundation

/// Everything a front end needs to show one account: the store, the sync engine, the event
/// stream and (unless read-only) the operator actions.
public struct DeskSession: Sendable {
    public enum Source: Sendable, Equatable {
        /// The in-process sandbox started because no credentials are configured.
        case embeddedSandbox
        case remote(URL)

        public var label: String {
            switch self {
            case .embeddedSandbox: "SANDBOX"
            case .remote(let url): url.host ?? url.absoluteString
            }
        }
    }

    public let account: String
    public let source: Source
    public let store: DeskStore
    public let engine: SyncEngine
    public let events: EventHub<DeskEvent>
    /// Nil in read-only mode: nothing that changes anything can run.
    public let actions: OperatorActions?
    /// Currencies offered when issuing an address, with their blockchain.
    public let currencies: [(currency: Currency, blockchain: String?)]
    public let refreshInterval: Duration
    /// Where `x` writes exports: the config's `export_dir`, else the directory pursedesk started in.
    public let exportDirectory: URL
    /// In team mode: this desk's role and the team store's state, as they change.
    public let teamStatus: EventHub<TeamStatus>?

    public init(account: String, source: Source, store: DeskStore, engine: SyncEngine, events: EventHub<DeskEvent>,
                actions: OperatorActions?, currencies: [(currency: Currency, blockchain: String?)], refreshInterval: Duration,
                exportDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                teamStatus: EventHub<TeamStatus>? = nil) {
        self.account = account
        self.source = source
        self.store = store
        self.engine = engine
        self.events = events
        self.actions = actions
        self.currencies = currencies
        self.refreshInterval = refreshInterval
        self.exportDirectory = exportDirectory
        self.teamStatus = teamStatus
    }

    public var isReadOnly: Bool { actions == nil }
}
