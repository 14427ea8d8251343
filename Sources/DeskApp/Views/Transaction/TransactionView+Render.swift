import DeskModel
import TerminalUI

extension TransactionView {
    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme
        let (titleArea, bodyArea) = layout.titledTable
        guard let data else {
            ViewTitle.render([Span("Transaction")], area: titleArea, theme: theme, into: &buffer)
            buffer.put("loading…", x: bodyArea.x + 1, y: bodyArea.y, style: theme[.muted])
            return
        }
        let tx = data.transaction
        ViewTitle.render([Span("Deposit "), Span(tx.id, style: Style(bold: true))], area: titleArea, theme: theme, into: &buffer)
        var entries = [
            DetailPanel.Entry("State", Line(tx.state.rawValue, style: theme.style(for: tx.state))),
            DetailPanel.Entry("Compliance", Line(tx.compliance.rawValue, style: theme.style(for: tx.compliance))),
            DetailPanel.Entry("Credited", Line(tx.credited ? "yes" : "no", style: tx.credited ? theme[.credited] : theme[.muted])),
            DetailPanel.Entry("Amount", "\(tx.amount) \(tx.currency)"),
            DetailPanel.Entry("Customer", Line(customerText(tx.customerId, state))),
            DetailPanel.Entry("Address", Line([Span(tx.address ?? "—", link: state.link(forAddress: tx.address, currency: tx.currency))])),
            DetailPanel.Entry("From", Line([Span(tx.addressFrom ?? "—", link: state.link(forAddress: tx.addressFrom, currency: tx.currency))])),
            DetailPanel.Entry("Hash", Line([Span(tx.hash ?? "—", link: state.link(for: tx))])),
            DetailPanel.Entry("Created", Line(tx.createdAt.map { "\(Formatting.clock($0, timeZone: timeZone))  (\(Formatting.age($0, now: state.now)))" } ?? "—")),
        ]
        if tx.isDeclined {
            let next = DeclinedNextStep.forDeposit(tx, readOnly: state.isReadOnly, namingAddress: false)
            entries.insert(DetailPanel.Entry("Next step", Line(next, style: theme[.flashWarn])), at: 1)
        }
        let historyHeight = min(data.history.count + 1, max(0, bodyArea.height / 3))
        let parts = bodyArea.splitRows([.flexible(min: 0), .fixed(historyHeight)])
        DetailPanel(entries: entries, wraps: false).render(into: &buffer, area: parts[0].inset(left: 1, right: 1), styles: theme.widgetStyles)
        let history = data.history
        TableView(
            columns: [TableColumn("SEEN", width: .fixed(8), priority: .important), TableColumn("STATE", width: .fixed(26), priority: .essential),
                      TableColumn("COMPLIANCE", width: .fixed(11), priority: .essential), TableColumn("CREDITED", width: .fixed(8), priority: .essential),
                      TableColumn("VIA", width: .fixed(8), priority: .useful)],
            rowCount: history.count, emptyMessage: "no history",
            cellStyle: { row, column in column == 1 ? theme.style(for: history[row].state) : nil },
            row: { row in
                let change = history[row]
                return [Formatting.clock(change.observedAt, timeZone: timeZone), change.state.rawValue, change.compliance.rawValue,
                        change.credited ? "yes" : "no", change.source.rawValue]
            }
        ).render(into: &buffer, area: parts[1], state: TableState(), styles: noSelection(theme))
    }

    private func noSelection(_ theme: Theme) -> WidgetStyles {
        var styles = theme.widgetStyles
        styles.selected = .plain
        return styles
    }

    /// "ann@example.com  <id>", or the id alone when the email is unknown.
    private func customerText(_ id: String?, _ state: AppState) -> String {
        guard let id else { return "—" }
        guard let email = state.data.customers.customer(id: id)?.email else { return id }
        return "\(email)  \(id)"
    }
}
