import CalypsoAPI
import DeskModel
import Foundation
import TerminalUI

/// The shell around the views: the view stack, the modal, the prompt, the status line, the header
/// and theme, and the data several views share. Only `update(_:_:)` changes it.
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
        /// Where hashes and addresses link to.
        public var explorers: ExplorerLinks
        /// Problems found at start (theme, keys), shown as a flash.
        public var warnings: [String]
        public var size: TerminalSize
        public var now: Date
        /// Ring the terminal bell once for each batch of new alerts.
        public var bell: Bool
        /// Clock times are shown in it.
        public var timeZone: TimeZone
        /// The `:` command of the view to open on instead of the overview (e.g. "customers").
        public var startView: String?

        public init(account: String, sourceLabel: String, isSandbox: Bool, readOnlyReason: String?, offline: Bool,
                    refreshInterval: Duration, currencies: [CurrencyOption], theme: Theme, keyBindings: [String: String] = [:],
                    warnings: [String] = [], size: TerminalSize, now: Date = Date(), bell: Bool = true, timeZone: TimeZone = .current, startView: String? = nil,
                    explorers: ExplorerLinks = .defaults) {
            self.account = account
            self.sourceLabel = sourceLabel
            self.isSandbox = isSandbox
            self.readOnlyReason = readOnlyReason
            self.offline = offline
            self.refreshInterval = refreshInterval
            self.currencies = currencies
            self.theme = theme
            self.keyBindings = keyBindings
            self.explorers = explorers
            self.warnings = warnings
            self.size = size
            self.now = now
            self.bell = bell
            self.timeZone = timeZone
            self.startView = startView
        }
    }

    /// The views, the top one on screen; never empty.
    var views: [any DeskView]
    public var size: TerminalSize
    public var now: Date
    public var header: HeaderData
    /// What several views show: the customers, the feed.
    public var data = DeskData()

    public var prompt: Prompt?
    public var modal: Modal?
    public var flash: Flash?

    public var theme: Theme
    public let readOnlyReason: String?
    public let keyMap: KeyMap
    public let currencies: [CurrencyOption]
    public let explorers: ExplorerLinks
    public let offline: Bool
    public let bell: Bool
    public let timeZone: TimeZone

    /// A push, pop or switch a view asked for, done by the shell once the view's turn is over.
    var navigation: Navigation?
    /// What the engine was last told, so it is told again only when it changes.
    public var sentVisibleIds: [String] = []
    public var sentFocus: String?
    /// What `y` copies when it is the next key (the address `n` just got), whatever the view; only
    /// while the flash offering it is on screen.
    public var copyOffer: String?
    /// Counts need reloading (something changed since they were read).
    public var countsStale = false
    public var shouldQuit = false
    /// The view the dashboard opened on: the bottom of the stack, and where an account switch lands.
    let startView: ViewRegistration

    public init(_ setup: Setup) {
        startView = setup.startView.flatMap { ViewRegistry.view(forCommand: $0.lowercased()) } ?? ViewRegistry.home
        views = [startView.make!()]
        size = setup.size
        now = setup.now
        header = HeaderData(account: setup.account, sourceLabel: setup.sourceLabel, isSandbox: setup.isSandbox,
                            connection: setup.offline ? .offline : .connecting, refreshInterval: setup.refreshInterval)
        theme = setup.theme
        readOnlyReason = setup.readOnlyReason
        offline = setup.offline
        currencies = setup.currencies
        bell = setup.bell
        timeZone = setup.timeZone
        explorers = setup.explorers
        let (map, problems) = KeyMap.make(overrides: setup.keyBindings, readOnly: setup.readOnlyReason != nil)
        keyMap = map
        let warnings = setup.warnings + problems
        if !warnings.isEmpty {
            flash = Flash(warnings.joined(separator: "; "), level: .warning, expiresAt: setup.now.addingTimeInterval(12))
        }
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
    public var currentView: ViewID { views[views.count - 1].id }
    var layout: ScreenLayout { ScreenLayout(size: size) }

    /// The customer the current view's actions apply to.
    var selectedCustomer: CustomerSummary? { views[views.count - 1].selectedCustomer(self) }

    mutating func showFlash(_ text: String, level: FlashMessage.Level, seconds: TimeInterval = 4) {
        copyOffer = nil
        flash = Flash(text, level: level, expiresAt: now.addingTimeInterval(level == .error ? max(seconds, 8) : seconds))
    }
}

/// A change of the view stack.
enum Navigation: Sendable {
    case push(any DeskView)
    case pop
    /// The bottom view with `view` on it (`:` commands).
    case switchTo(any DeskView)
}
