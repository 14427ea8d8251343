import DeskModel
import TerminalUI

/// The alerts and the operator audit log.
enum JournalScreens {
    static func renderAlerts(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme, alerts = state.alerts
        let (titleArea, tableArea) = layout.titledTable
        ViewTitle.render([Span("Alerts "), Span("\(alerts.count)", style: Style(bold: true))],
                         right: [Span("enter opens the customer", style: theme[.muted])], area: titleArea, theme: theme, into: &buffer)
        TableView(
            columns: [TableColumn("TIME", width: .fixed(8)), TableColumn("KIND", width: .fixed(26)),
                      TableColumn("CUSTOMER", width: .fixed(8)), TableColumn("MESSAGE", width: .flexible(min: 10))],
            rowCount: alerts.count, emptyMessage: "no alerts",
            cellStyle: { _, column in column == 1 || column == 3 ? theme[.alert] : theme[.muted] },
            row: { row in
                let alert = alerts[row]
                return [Formatting.clock(alert.at), alert.kind.rawValue, Formatting.shortId(alert.customerId), alert.message]
            }
        ).render(into: &buffer, area: tableArea, state: state.alertTable, styles: theme.widgetStyles)
    }

    static func renderAudit(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme, audit = state.audit
        let (titleArea, tableArea) = layout.titledTable
        ViewTitle.render([Span("Audit log "), Span("\(audit.count)", style: Style(bold: true))],
                         right: [Span("every action, newest first", style: theme[.muted])], area: titleArea, theme: theme, into: &buffer)
        TableView(
            columns: [TableColumn("TIME", width: .fixed(8)), TableColumn("USER", width: .fixed(10)), TableColumn("ACTION", width: .fixed(16)),
                      TableColumn("RESULT", width: .fixed(9)), TableColumn("TARGET", width: .flexible(min: 8)),
                      TableColumn("DETAIL", width: .flexible(min: 8))],
            rowCount: audit.count, emptyMessage: "no operator actions yet",
            cellStyle: { row, column in
                guard column == 3 else { return nil }
                switch audit[row].result {
                case .succeeded: return theme[.stateConfirmed]
                case .failed: return theme[.stateDeclined]
                case .pending: return theme[.stateCompliance]
                }
            },
            row: { row in
                let record = audit[row]
                return [Formatting.clock(record.at), record.user, record.action, record.result.rawValue, record.target,
                        record.error ?? record.detail ?? ""]
            }
        ).render(into: &buffer, area: tableArea, state: state.auditTable, styles: theme.widgetStyles)
    }
}
