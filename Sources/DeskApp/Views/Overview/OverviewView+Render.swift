import DeskModel
import Foundation
import TerminalUI

extension OverviewView {
    func render(_ state: AppState, layout screen: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme
        let rows = figures?.rows ?? []
        let layout = OverviewLayout(body: screen.body, rowCount: rows.count)
        var right: [Span] = []
        if let figures {
            right = [Span("alerts ", style: theme[.muted]),
                     Span("\(figures.unacknowledgedAlerts)", style: figures.unacknowledgedAlerts > 0 ? theme[.alert] : Style(bold: true)),
                     Span("  as of \(Formatting.clock(figures.at, timeZone: timeZone))", style: theme[.muted])]
        }
        ViewTitle.render([Span("Overview "), Span("\(rows.count)", style: Style(bold: true)), Span(" currency/chain rows", style: theme[.muted])],
                         right: right, area: layout.title, theme: theme, into: &buffer)
        renderTable(prepared, layout: layout, state: state, into: &buffer)
        renderFeed(layout.feed, state: state, into: &buffer)
        renderAlerts(layout.alerts, state: state, into: &buffer)
    }

    private func renderTable(_ rows: [PreparedRow], layout: OverviewLayout, state: AppState, into buffer: inout CellBuffer) {
        let theme = state.theme, columns = layout.columns
        var tableColumns = columns.map { column in
            TableColumn(Self.title(column), width: .fixed(OverviewLayout.width(column)), alignment: column == .currency || column == .chain ? .left : .right)
        }
        if layout.sparkWidth > 0 { tableColumns.append(TableColumn("LAST 60 MIN", width: .flexible(min: OverviewLayout.minimumSpark))) }
        let sparkWidth = layout.sparkWidth
        TableView(
            columns: tableColumns, rowCount: rows.count,
            emptyMessage: figures == nil ? "reading the store…" : "no purses or deposits yet",
            cellStyle: { row, column in
                guard column < columns.count else { return theme[.stateConfirmed] }
                let figures = rows[row]
                switch columns[column] {
                case .inFlight: return figures.inFlight ? theme[.stateCompliance] : theme[.muted]
                case .declineRate: return figures.declines ? theme[.stateDeclined] : theme[.muted]
                case .chain: return theme[.muted]
                default: return nil
                }
            },
            row: { row in
                let figures = rows[row]
                var cells = columns.map { figures.texts[$0] ?? "" }
                if sparkWidth > 0 { cells.append(Sparkline.render(figures.minuteVolumes, width: sparkWidth)) }
                return cells
            }
        ).render(into: &buffer, area: layout.table, state: table, styles: theme.widgetStyles)
    }

    private func renderFeed(_ area: Rect, state shell: AppState, into buffer: inout CellBuffer) {
        let timeZone = shell.timeZone
        guard area.height >= 2, area.width >= 20 else { return }
        let theme = shell.theme, entries = shell.data.feed.entries
        ViewTitle.render([Span("Feed "), Span("newest last", style: theme[.muted])], area: area.row(0), theme: theme, into: &buffer)
        let lines = area.height - 1
        for (offset, entry) in entries.suffix(lines).enumerated() {
            let tx = entry.transaction
            let label = entry.kind == .credited ? "CREDITED" : Formatting.state(tx.state)
            let style = entry.kind == .credited ? theme[.credited] : theme.style(for: tx.state)
            let line = Line([Span(Formatting.clock(entry.at, timeZone: timeZone) + " ", style: theme[.muted]),
                             Span(label.padding(toLength: 10, withPad: " ", startingAt: 0), style: style),
                             Span(" \(tx.amount) \(tx.currency) "), Span(shell.data.customerName(tx.customerId), style: theme[.muted])])
            buffer.put(line, x: area.x + 1, y: area.y + 1 + offset, maxWidth: area.width - 2, ellipsis: true)
        }
        if entries.isEmpty { buffer.put("waiting for deposits…", x: area.x + 1, y: area.y + 1, style: theme[.muted], maxWidth: area.width - 2) }
    }

    private func renderAlerts(_ area: Rect, state: AppState, into buffer: inout CellBuffer) {
        guard area.height >= 2, area.width >= 20 else { return }
        let theme = state.theme, alerts = figures?.recentAlerts ?? [], timeZone = state.timeZone
        ViewTitle.render([Span("Alerts "), Span("unacknowledged", style: theme[.muted])], right: [Span(":alerts", style: theme[.muted])],
                         area: area.row(0), theme: theme, into: &buffer)
        for (offset, alert) in alerts.prefix(area.height - 1).enumerated() {
            let line = Line([Span(Formatting.clock(alert.at, timeZone: timeZone) + " ", style: theme[.muted]), Span(state.data.customerName(alert.customerId) + " ", style: theme[.alert]),
                             Span(alert.message)])
            buffer.put(line, x: area.x + 1, y: area.y + 1 + offset, maxWidth: area.width - 2, ellipsis: true)
        }
        if alerts.isEmpty { buffer.put("none", x: area.x + 1, y: area.y + 1, style: theme[.muted], maxWidth: area.width - 2) }
    }

    static func title(_ column: OverviewLayout.Column) -> String {
        switch column {
        case .currency: "CURRENCY"
        case .chain: "CHAIN"
        case .purses: "ACT/ARC/DEC"
        case .inFlight: "MEM/CMP"
        case .confirmedHour: "1H"
        case .volumeHour: "VOL 1H"
        case .confirmedDay: "24H"
        case .volumeDay: "VOL 24H"
        case .declineRate: "DECL%"
        }
    }

    static func text(_ row: OverviewRow, _ column: OverviewLayout.Column) -> String {
        switch column {
        case .currency: row.currency
        case .chain: row.blockchain ?? "—"
        case .purses: "\(row.pursesActive)/\(row.pursesArchived)/\(row.pursesDeclined)"
        case .inFlight: "\(row.mempool)/\(row.compliance)"
        case .confirmedHour: "\(row.confirmedHour)"
        case .volumeHour: Formatting.decimal(row.volumeHour)
        case .confirmedDay: "\(row.confirmedDay)"
        case .volumeDay: Formatting.decimal(row.volumeDay)
        case .declineRate: row.declineRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        }
    }
}
