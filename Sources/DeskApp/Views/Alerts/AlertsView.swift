import DeskModel
import TerminalUI

extension ViewID {
    static let alerts = ViewID("alerts")
}

extension KeyAction {
    static let acknowledge = KeyAction("acknowledge", keys: [.character("a")], summary: "acknowledge alert(s)", hint: "ack",
                                       dangerous: true, asksFirst: false)
}

/// The alerts the store raised (declined deposits, deposits to blocked customers, sync failures),
/// the unacknowledged ones first.
struct AlertsView: DeskView {
    var alerts: [AlertRecord] = []
    /// `alerts` that pass the filter.
    var rows: [Int] = []
    var filter = AlertFilter("")
    var table = TableState()
    /// Alert ids marked with space for acknowledging together.
    var marks: Set<Int64> = []

    var id: ViewID { .alerts }

    static let registration = ViewRegistration(
        name: "alerts", heading: "Alerts", commands: ["alerts", "alert", "al"], summary: "alerts, unacknowledged first",
        keys: [
            ViewKey(.open, "the deposit the alert is about (a purse alert: its customer)"),
            ViewKey(.openCustomer, "the alert's customer: purses, deposits, case notes"),
            ViewKey(.acknowledge, "acknowledge the marked alerts, else the selected one (audited with your login name)"),
            ViewKey(.mark, "mark / unmark for acknowledging together"),
            ViewKey(.filter, "filter: `ack:no` / `ack:yes`, `kind:blocked` (the kind in words or as stored, e.g. `kind:funds_for_blocked_customer`), or text in the kind, message or customer"),
            ViewKey(.copy, "copy the alert's message"),
        ],
        hints: [.back, .open, .openCustomer, .acknowledge, .mark, .filter, .refresh, .help],
        filterPlaceholder: "ack:no kind:declined or text", make: { AlertsView() })

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadAlerts] }

    func alert(atRow row: Int) -> AlertRecord? { rows[safe: row].map { alerts[$0] } }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        switch action {
        case .open:
            guard let alert = alert(atRow: table.selected) else { return [] }
            switch alert.subject {
            case .deposit(let transactionId): shell.push(TransactionView(transactionId: transactionId))
            case .purse: shell.openCustomer(alert.customerId, of: "this purse alert")
            case .other: shell.showFlash("this alert is about no deposit or customer", level: .info)
            }
        case .openCustomer:
            guard let alert = alert(atRow: table.selected) else { return [] }
            shell.openCustomer(alert.customerId, of: "this alert")
        case .mark:
            guard let alert = alert(atRow: table.selected) else { return [] }
            if marks.remove(alert.id) == nil { marks.insert(alert.id) }
            move(.down, &shell)
        case .acknowledge:
            let chosen = marks.isEmpty ? alert(atRow: table.selected).map { [$0] } ?? [] : alerts.filter { marks.contains($0.id) }
            let ids = chosen.filter { !$0.isAcknowledged }.map(\.id)
            guard !ids.isEmpty else {
                shell.showFlash(chosen.isEmpty ? "no alert selected" : "already acknowledged", level: .info)
                return []
            }
            marks = []
            shell.showFlash(ids.count == 1 ? "acknowledging…" : "acknowledging \(ids.count) alerts…", level: .info)
            return [.acknowledgeAlerts(ids.sorted())]
        default:
            break
        }
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .alertsLoaded(let loaded):
            let selected = alert(atRow: table.selected)
            alerts = loaded
            marks.formIntersection(loaded.filter { !$0.isAcknowledged }.map(\.id))
            applyFilter(shell)
            let followed = selected.flatMap { old in rows.firstIndex { alerts[$0].id == old.id } }
            // An alert just acknowledged sinks among the acknowledged ones: stay on its row, which now
            // holds the next alert to work, rather than follow it to the bottom.
            let justAcknowledged = selected.map { !$0.isAcknowledged } == true && followed.map { alerts[rows[$0]].isAcknowledged } == true
            let row = justAcknowledged ? table.selected : followed ?? table.selected
            table = table.selecting(row, rowCount: rows.count, visibleRows: shell.layout.tableRows)
        case .modelEvents(let events):
            let raised = events.contains { if case .alert = $0 { true } else { false } }
            if raised, shell.currentView == id { return [.loadAlerts] }
        case .actionFinished where shell.currentView == id:
            return [.loadAlerts]
        default:
            break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: rows.count, visibleRows: shell.layout.tableRows)
    }

    mutating func back(_ shell: inout AppState) -> Bool {
        if !filter.isEmpty {
            setFilter("", &shell)
            return true
        }
        if !marks.isEmpty {
            marks = []
            shell.showFlash("marks cleared", level: .info)
            return true
        }
        return false
    }

    func filterText(_ shell: AppState) -> String? { filter.text }

    mutating func setFilter(_ text: String, _ shell: inout AppState) {
        filter = AlertFilter(text)
        applyFilter(shell)
        table = TableState()
    }

    func copyText(_ shell: AppState) -> String? { alert(atRow: table.selected)?.message }

    func extraHelp(_ shell: AppState) -> [HelpSection] {
        [HelpSection(title: "Filter", entries: [
            HelpEntry(key: "ack:no", description: "unacknowledged (ack:yes: acknowledged)"),
            HelpEntry(key: "kind:blocked", description: "the kind in words or as stored: "
                + AlertKind.allCases.map(\.words).joined(separator: ", ")),
            HelpEntry(key: "text", description: "in the kind, message or customer; terms combine"),
        ])]
    }

    private mutating func applyFilter(_ shell: AppState) {
        let data = shell.data
        rows = alerts.indices.filter { filter.matches(alerts[$0], customer: data.customerName(alerts[$0].customerId)) }
    }
}

/// The `/` filter of the alerts: `ack:no` / `ack:yes`, `kind:VALUE` (the kind in words or as stored,
/// spaces, `_` and `-` ignored), or text in the kind, message or customer.
struct AlertFilter: Sendable {
    let text: String
    private let terms: [(field: String?, value: String)]

    init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(separator: " ").map { word in
            if let colon = word.firstIndex(of: ":"), ["ack", "kind"].contains(String(word[..<colon])) {
                return (String(word[..<colon]), String(word[word.index(after: colon)...]))
            }
            return (nil, String(word))
        }
    }

    var isEmpty: Bool { terms.isEmpty }

    func matches(_ alert: AlertRecord, customer: String) -> Bool {
        terms.allSatisfy { term in
            switch term.field {
            case "ack":
                if term.value.isEmpty { return true }
                if "yes".hasPrefix(term.value) || "true".hasPrefix(term.value) { return alert.isAcknowledged }
                if "no".hasPrefix(term.value) || "false".hasPrefix(term.value) { return !alert.isAcknowledged }
                return false
            case "kind": return Self.compact(alert.kind.words).contains(Self.compact(term.value))
            default:
                return [alert.kind.words, alert.kind.rawValue, alert.message, customer].joined(separator: " ").lowercased().contains(term.value)
            }
        }
    }

    /// Lowercase without spaces, `_` or `-`, so `kind:funds_for_blocked` finds "funds for blocked customer".
    private static func compact(_ text: String) -> String {
        text.lowercased().filter { !" _-".contains($0) }
    }
}
