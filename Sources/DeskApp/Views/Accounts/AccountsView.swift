import CalypsoAPI
import TerminalUI

extension ViewID {
    static let accounts = ViewID("accounts")
}

/// The merchant accounts `user/current` lists for this key, the current one marked; `enter`
/// switches the whole dashboard to another (its own store, sync and audit log).
struct AccountsView: DeskView {
    var accounts: [CurrentUser.AvailableAccount] = []
    var loaded = false
    var table = TableState()
    /// The operator moved the cursor: a reload keeps it instead of going back to the current account.
    var moved = false

    var id: ViewID { .accounts }

    static let registration = ViewRegistration(
        name: "accounts", heading: "Accounts", commands: ["accounts", "account", "ctx"], summary: "merchant accounts; switch",
        keys: [
            ViewKey(.open, "switch to the account"),
            ViewKey(.copy, "copy the account id"),
        ],
        hints: [.back, .open, .refresh, .help], make: { AccountsView() })

    func refresh(_ shell: AppState) -> [AppCommand] { shell.offline ? [] : [.loadAccounts] }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        guard case .accountsLoaded(let list) = message else { return [] }
        accounts = list
        loaded = true
        if !moved, let current = list.firstIndex(where: { Self.isCurrent($0, shell) }) {
            table.selection = SelectionState(selected: current)
        }
        table.selection = table.selection.clamped(rowCount: list.count, visibleRows: shell.layout.tableRows)
        return []
    }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        guard action == .open, let chosen = accounts[safe: table.selected] else { return [] }
        if Self.isCurrent(chosen, shell) {
            shell.showFlash("already on \(chosen.name ?? chosen.account)", level: .info)
            return []
        }
        shell.showFlash("switching to \(chosen.name ?? chosen.account)…", level: .info, seconds: 30)
        return [.switchAccount(chosen.account)]
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        moved = true
        table.apply(move, rowCount: accounts.count, visibleRows: shell.layout.tableRows)
    }

    func copyText(_ shell: AppState) -> String? { accounts[safe: table.selected]?.account }

    static func isCurrent(_ account: CurrentUser.AvailableAccount, _ shell: AppState) -> Bool {
        account.account.lowercased() == shell.header.account.lowercased()
    }

    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme, list = accounts
        let (titleArea, tableArea) = layout.titledTable
        ViewTitle.render([Span("Accounts "), Span("\(list.count)", style: Style(bold: true))],
                         right: [Span("enter switches", style: theme[.muted])], area: titleArea, theme: theme, into: &buffer)
        let empty = state.offline ? "offline: the account list needs the API" : loaded ? "the key lists no accounts" : "loading the accounts…"
        TableView(
            columns: [TableColumn(" ", width: .fixed(1), priority: .essential), TableColumn("NAME", width: .flexible(min: 12), priority: .essential),
                      TableColumn("ACCOUNT", width: .flexible(min: 20, weight: 3))],
            rowCount: list.count, emptyMessage: empty,
            cellStyle: { row, _ in Self.isCurrent(list[row], state) ? Style(bold: true) : nil },
            row: { row in [Self.isCurrent(list[row], state) ? "*" : " ", list[row].name ?? "—", list[row].account] }
        ).render(into: &buffer, area: tableArea, state: table, styles: theme.widgetStyles)
    }
}
