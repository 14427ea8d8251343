import CalypsoAPI
import DeskModel
import Foundation
import TerminalUI

/// Everything the dashboard shows, as one value. Only `update(_:_:)` changes it.
public struct AppState: Sendable {
    /// What the dashboard is started with.
    public struct Setup: Sendable {
        public var account: String
        public var sourceLabel: String
        public var isSandbox: Bool
        /// Why actions are disabled ("read-only", "offline"), or nil when they are enabled.
        public var readOnlyReason: String?
        public var offline: Bool
        public var refreshInterval: Duration
        public var currencies: [CurrencyOption]
        public var theme: Theme
        public var keyBindings: [String: String]
        /// Problems found at start (theme, keys), shown as a flash.
        public var warnings: [String]
        public var size: TerminalSize
        public var now: Date

        public init(account: String, sourceLabel: String, isSandbox: Bool, readOnlyReason: String?, offline: Bool,
                    refreshInterval: Duration, currencies: [CurrencyOption], theme: Theme, keyBindings: [String: String] = [:],
                    warnings: [String] = [], size: TerminalSize, now: Date = Date()) {
            self.account = account
            self.sourceLabel = sourceLabel
            self.isSandbox = isSandbox
            self.readOnlyReason = readOnlyReason
            self.offline = offline
            self.refreshInterval = refreshInterval
            self.currencies = currencies
            self.theme = theme
            self.keyBindings = keyBindings
            self.warnings = warnings
            self.size = size
            self.now = now
        }
    }

    public var viewStack: [ViewID] = [.customers]
    public var size: TerminalSize
    public var now: Date
    public var header: HeaderData

    public var customers = CustomerList()
    public var customersLoaded = false
    public var customerTable = TableState()
    public var blockedTable = TableState()
    /// Customer ids marked with space for a bulk block/unblock.
    public var marks: Set<String> = []
    /// The applied `/` filter of the customer tables.
    public var customerFilter = ""

    public var detail: CustomerDetailData?
    public var detailPane = DetailPane.purses
    public var purseTable = TableState()
    public var detailTransactionTable = TableState()
    public var transactionDetail: TransactionDetailData?

    public var feed = FeedLog()
    public var feedTable = TableState()
    public var alerts: [AlertRecord] = []
    public var alertTable = TableState()
    public var audit: [AuditRecord] = []
    public var auditTable = TableState()

    public var prompt: Prompt?
    public var modal: Modal?
    public var flash: Flash?

    public var theme: Theme
    public let readOnlyReason: String?
    public let keyMap: KeyMap
    public let currencies: [CurrencyOption]
    public let offline: Bool

    /// What the engine was last told, so it is told again only when it changes.
    public var sentVisibleIds: [String] = []
    public var sentFocus: String?
    /// Counts need reloading (something changed since they were read).
    public var countsStale = false
    public var shouldQuit = false

    public init(_ setup: Setup) {
        size = setup.size
        now = setup.now
        header = HeaderData(account: setup.account, sourceLabel: setup.sourceLabel, isSandbox: setup.isSandbox,
                            connection: setup.offline ? .offline : .connecting, refreshInterval: setup.refreshInterval)
        theme = setup.theme
        readOnlyReason = setup.readOnlyReason
        offline = setup.offline
        currencies = setup.currencies
        let (map, problems) = KeyMap.make(overrides: setup.keyBindings, readOnly: setup.readOnlyReason != nil)
        keyMap = map
        let warnings = setup.warnings + problems
        if !warnings.isEmpty {
            flash = Flash(warnings.joined(separator: "; "), level: .warning, expiresAt: setup.now.addingTimeInterval(12))
        }
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
    public var currentView: ViewID { viewStack.last ?? .customers }
}
