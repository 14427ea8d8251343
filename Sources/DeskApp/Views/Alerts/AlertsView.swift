import DeskModel
import TerminalUI

extension ViewID {
    static let alerts = ViewID("alerts")
}

/// The alerts the store raised (declined deposits, deposits to blocked customers, sync failures).
struct AlertsView: DeskView {
    var alerts: [AlertRecord] = []
    var table = TableState()

    var id: ViewID { .alerts }

    static let registration = ViewRegistration(
        name: "alerts", heading: "Alerts", commands: ["alerts", "alert", "al"], summary: "alerts",
        keys: [
            ViewKey(.open, "the alert's customer (or its deposit)"),
            ViewKey(.copy, "copy the alert's message"),
        ],
        hints: [.back, .open, .refresh, .help], make: { AlertsView() })

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadAlerts] }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        guard action == .open, let alert = alerts[safe: table.selected] else { return [] }
        if let customerId = alert.customerId {
            shell.push(CustomerDetailView(customerId: customerId, customer: shell.data.customers.customer(id: customerId)))
        } else if let transactionId = alert.transactionId, !transactionId.contains(":") {
            shell.push(TransactionView(transactionId: transactionId))
        }
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .alertsLoaded(let loaded):
            alerts = loaded
            table.selection = table.selection.clamped(rowCount: alerts.count, visibleRows: shell.layout.tableRows)
        case .modelEvents(let events):
            let raised = events.contains { if case .alert = $0 { true } else { false } }
            if raised, shell.currentView == id { return [.loadAlerts] }
        default:
            break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: alerts.count, visibleRows: shell.layout.tableRows)
    }

    func copyText(_ shell: AppState) -> String? { alerts[safe: table.selected]?.message }

    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme, alerts = alerts, data = state.data
        let (titleArea, tableArea) = layout.titledTable
        ViewTitle.render([Span("Alerts "), Span("\(alerts.count)", style: Style(bold: true))],
                         right: [Span("enter opens the customer", style: theme[.muted])], area: titleArea, theme: theme, into: &buffer)
        TableView(
            columns: [TableColumn("TIME", width: .fixed(8)), TableColumn("KIND", width: .fixed(26)),
                      TableColumn("CUSTOMER", width: .flexible(min: 8, weight: 1)), TableColumn("MESSAGE", width: .flexible(min: 10, weight: 2))],
            rowCount: alerts.count, emptyMessage: "no alerts",
            cellStyle: { _, column in column == 1 || column == 3 ? theme[.alert] : theme[.muted] },
            row: { row in
                let alert = alerts[row]
                return [Formatting.clock(alert.at), alert.kind.rawValue, data.customerName(alert.customerId), alert.message]
            }
        ).render(into: &buffer, area: tableArea, state: table, styles: theme.widgetStyles)
    }
}
