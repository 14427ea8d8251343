import DeskModel
import TerminalUI

extension ViewID {
    static let feed = ViewID("feed")
}

extension KeyAction {
    static let pause = KeyAction("pause", keys: [.character("p")], summary: "pause / resume", hint: "pause")
    static let follow = KeyAction("follow", keys: [.character("f")], summary: "follow newest", hint: "follow")
}

/// The live feed: every deposit appearing, changing state or being credited. The log is shared
/// (`DeskData.feed`, filled while any view is on screen); the view owns its cursor.
struct FeedView: DeskView {
    var table = TableState()
    /// `FeedLog.droppedTotal` when the cursor was last placed.
    private var seenDropped = 0
    /// The filter to apply when the view is entered (`enter` on an overview row).
    private var initialFilter: String?

    init(filter: String? = nil) {
        initialFilter = filter
    }

    var id: ViewID { .feed }

    static let registration = ViewRegistration(
        name: "feed", heading: "Live feed", commands: ["feed", "fe"], summary: "live deposit feed",
        keys: [
            ViewKey(.pause, "pause / resume (new lines are held and counted while paused)"),
            ViewKey(.follow, "follow the newest line on / off"),
            ViewKey(.filter, "filter: `state:declined`, `state:mempool`, `state:compliance`, `state:credited`, `currency:eth`, `customer:ann` (email, or start of the id), or text (a hash or address finds the deposit); terms combine"),
            ViewKey(.open, "the deposit with its state history"),
            ViewKey(.openCustomer, "the deposit's customer: purses, deposits, case notes"),
            ViewKey(.copy, "copy the hash"),
        ],
        hints: [.back, .open, .openCustomer, .pause, .follow, .filter, .copy, .help],
        filterPlaceholder: "state:declined currency:eth customer:ann or text", make: { FeedView() })

    mutating func enter(_ shell: inout AppState) -> [AppCommand] {
        if let initialFilter {
            self.initialFilter = nil
            setFilter(initialFilter, &shell)
        }
        seenDropped = shell.data.feed.droppedTotal
        if shell.data.feed.isFollowing { place(shell) }
        return []
    }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        switch action {
        case .open:
            guard let entry = shell.data.feed.entry(atRow: table.selected) else { return [] }
            shell.push(TransactionView(transactionId: entry.transaction.id))
        case .openCustomer:
            guard let entry = shell.data.feed.entry(atRow: table.selected) else { return [] }
            shell.openCustomer(entry.transaction.customerId, of: "deposit \(Formatting.shortId(entry.transaction.id))")
        case .pause:
            if shell.data.feed.isPaused {
                shell.data.resumeFeed()
                place(shell)
                shell.showFlash("feed resumed", level: .info, seconds: 2)
            } else {
                shell.data.feed.isPaused = true
                shell.showFlash("feed paused: p resumes", level: .info, seconds: 2)
            }
        case .follow:
            shell.data.feed.isFollowing.toggle()
            if shell.data.feed.isFollowing { move(.end, &shell) }
            shell.showFlash(shell.data.feed.isFollowing ? "following the newest deposit" : "follow off", level: .info, seconds: 2)
        default:
            break
        }
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .modelEvents, .feedHistoryLoaded: place(shell)
        default: break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: shell.data.feed.rows.count, visibleRows: shell.layout.tableRows)
        shell.data.feed.isFollowing = table.selected >= shell.data.feed.rows.count - 1
    }

    mutating func back(_ shell: inout AppState) -> Bool {
        guard !shell.data.feed.filter.isEmpty else { return false }
        shell.data.setFeedFilter("")
        return true
    }

    func filterText(_ shell: AppState) -> String? { shell.data.feed.filter.text }

    mutating func setFilter(_ text: String, _ shell: inout AppState) {
        shell.data.setFeedFilter(text)
        table = TableState()
        shell.data.feed.isFollowing = false
    }

    func extraHelp(_ shell: AppState) -> [HelpSection] {
        [HelpSection(title: "Filter", entries: [
            HelpEntry(key: "state:declined", description: "also state:mempool, state:compliance, state:confirmed, state:credited"),
            HelpEntry(key: "currency:eth", description: "the currency (cur: for short)"),
            HelpEntry(key: "customer:ann", description: "the customer's email contains it, or their id starts with it"),
            HelpEntry(key: "text", description: "in the deposit id, hash or addresses, customer id or email, currency or state; terms combine"),
        ])]
    }

    func copyText(_ shell: AppState) -> String? {
        let tx = shell.data.feed.entry(atRow: table.selected)?.transaction
        return tx?.hash ?? tx?.id
    }

    /// After new lines: to the newest when following, else on the same line as before.
    private mutating func place(_ shell: AppState) {
        let feed = shell.data.feed, rows = shell.layout.tableRows
        let dropped = feed.droppedTotal - seenDropped
        seenDropped = feed.droppedTotal
        if feed.isFollowing {
            table = table.selecting(feed.rows.count - 1, rowCount: feed.rows.count, visibleRows: rows)
        } else if dropped > 0 {
            var selection = table.selection
            selection.selected = max(0, selection.selected - dropped)
            selection.offset = max(0, selection.offset - dropped)
            table.selection = selection.clamped(rowCount: feed.rows.count, visibleRows: rows)
        }
    }
}
