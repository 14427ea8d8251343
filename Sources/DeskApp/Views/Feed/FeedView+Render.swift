import TerminalUI

extension FeedView {
    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme, feed = state.data.feed
        let (titleArea, tableArea) = layout.titledTable
        var left = [Span("Live feed "), Span("\(feed.rows.count)", style: Style(bold: true))]
        if feed.rows.count != feed.entries.count { left.append(Span("/\(feed.entries.count)", style: theme[.muted])) }
        var right: [Span] = []
        if !feed.filter.isEmpty { right += [Span("filter ", style: theme[.muted]), Span(feed.filter.text, style: theme[.marked]), Span("  ")] }
        if feed.isPaused {
            right.append(Span("PAUSED +\(feed.held.count)", style: theme[.flashWarn]))
        } else {
            right.append(Span(feed.isFollowing ? "following" : "follow off (f)", style: feed.isFollowing ? theme[.stateConfirmed] : theme[.muted]))
        }
        ViewTitle.render(left, right: right, area: titleArea, theme: theme, into: &buffer)

        // Narrow terminals lose the change (whole, not cut), the id and the time first; the state and amount stay longest.
        let columns = [
            TableColumn("TIME", width: .fixed(8), priority: .useful), TableColumn("STATE", width: .fixed(10), priority: .essential),
            TableColumn("CURRENCY", width: .fixed(10), priority: .important),
            TableColumn("AMOUNT", width: .fixed(14), alignment: .right, priority: .essential),
            TableColumn("CHANGE", width: .flexible(min: 20, weight: 2), priority: .optional),
            TableColumn("CUSTOMER", width: .flexible(min: 16, weight: 2), priority: .important),
            TableColumn("TX", width: .fixed(8), priority: .useful),
        ]
        TableView(
            columns: columns, rowCount: feed.rows.count,
            emptyMessage: feed.filter.isEmpty ? "waiting for deposits…" : "no deposit matches \"\(feed.filter.text)\"",
            cellStyle: { row, column in
                if column == 6, let entry = feed.entry(atRow: row) { return Style(link: state.link(for: entry.transaction)) }
                guard column == 1, let entry = feed.entry(atRow: row) else { return column == 0 ? theme[.muted] : nil }
                return entry.kind == .credited ? theme[.credited] : theme.style(for: entry.transaction.state)
            },
            row: { row in
                guard let entry = feed.entry(atRow: row) else { return [] }
                let tx = entry.transaction
                return [Formatting.clock(entry.at, timeZone: timeZone), entry.kind == .credited ? "CREDITED" : Formatting.state(tx.state), tx.currency,
                        tx.amount, change(entry), state.data.customerName(tx.customerId), Formatting.shortId(tx.id)]
            }
        ).render(into: &buffer, area: tableArea, state: table, styles: theme.widgetStyles)
    }

    private func change(_ entry: FeedEntry) -> String {
        switch entry.kind {
        case .new: "new deposit"
        case .stateChange(let from): "\(Formatting.state(from)) → \(Formatting.state(entry.transaction.state))"
        case .credited: "credited to the account"
        }
    }
}
