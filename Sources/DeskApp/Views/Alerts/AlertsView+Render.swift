import DeskModel
import TerminalUI

extension AlertsView {
    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme, alerts = alerts, rows = rows, data = state.data
        let (titleArea, tableArea) = layout.titledTable
        let unacknowledged = alerts.count { !$0.isAcknowledged }
        var left = [Span("Alerts "), Span("\(rows.count)", style: Style(bold: true))]
        if rows.count != alerts.count { left.append(Span("/\(alerts.count)", style: theme[.muted])) }
        left += [Span("  unacknowledged ", style: theme[.muted]), Span("\(unacknowledged)", style: unacknowledged > 0 ? theme[.alert] : Style(bold: true))]
        var right: [Span] = []
        if !filter.isEmpty { right += [Span("filter ", style: theme[.muted]), Span(filter.text, style: theme[.marked]), Span("  ")] }
        if !marks.isEmpty { right.append(Span("\(marks.count) marked", style: theme[.marked])) }
        ViewTitle.render(left, right: right, area: titleArea, theme: theme, into: &buffer)
        let wide = tableArea.width >= 80
        let columns = [TableColumn("TIME", width: .fixed(8), priority: .useful),
                       TableColumn("ACK", width: .fixed(wide ? 12 : 3), priority: .important),
                       TableColumn("KIND", width: .fixed(26), priority: .optional),
                       TableColumn("CUSTOMER", width: .flexible(min: 14, weight: 1), priority: .essential),
                       TableColumn("MESSAGE", width: .flexible(min: 16, weight: 2), priority: .essential)]
        let marked = Set(rows.indices.filter { marks.contains(alerts[rows[$0]].id) })
        var tableState = table
        tableState.marked = marked
        TableView(
            columns: columns, rowCount: rows.count, showsMarks: true,
            emptyMessage: filter.isEmpty ? "no alerts" : "no alert matches \"\(filter.text)\" (esc clears)",
            cellStyle: { row, column in
                let alert = alerts[rows[row]]
                if alert.isAcknowledged { return theme[.muted] }
                return column == 0 || column == 1 ? theme[.muted] : theme[.alert]
            },
            row: { row in
                let alert = alerts[rows[row]]
                let ack = alert.isAcknowledged ? (wide ? alert.acknowledgedBy ?? "yes" : "✓") : (wide ? "—" : "·")
                return [Formatting.clock(alert.at, timeZone: timeZone), ack, alert.kind.words, data.customerName(alert.customerId), alert.message]
            }
        ).render(into: &buffer, area: tableArea, state: tableState, styles: theme.widgetStyles)
    }
}
