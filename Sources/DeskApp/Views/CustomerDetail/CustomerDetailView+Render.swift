import DeskModel
import Foundation
import TerminalUI

extension CustomerDetailView {
    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme
        let purses = detail.purses
        let transactions = detail.transactions
        let areas = layout.detail(purseCount: purses.count, caseNoteCount: detail.caseNotes.count)
        let customer = selectedCustomer(state)
        let id = customerId
        var title = [Span("Customer "), Span(areas.title.width < 80 ? Formatting.shortId(id) : id, style: Style(bold: true))]
        if let email = customer?.email { title.append(Span("  \(email)", style: theme[.text])) }
        let badge: [Span] = switch customer?.blockState {
        case .blocked?: [Span(" BLOCKED ", style: theme[.danger].patched(with: Style(reverse: true)))]
        case .unknown?, nil: [Span("blocked: not known yet", style: theme[.muted])]
        case .notBlocked?: []
        }
        ViewTitle.render(title, right: badge, area: areas.title, theme: theme, into: &buffer)
        if !areas.info.isEmpty {
            let info = Line([
                Span("external id ", style: theme[.muted]), Span(customer?.externalId ?? "—"),
                Span("   description ", style: theme[.muted]), Span(customer?.description ?? "—"),
            ])
            buffer.put(info, x: areas.info.x + 1, y: areas.info.y, maxWidth: areas.info.width - 2, ellipsis: true)
        }
        renderPurses(purses, state: state, area: areas.purses, into: &buffer)
        let focused = pane == .transactions
        ViewTitle.render([Span("Deposits "), Span("\(transactions.count)", style: Style(bold: true))],
                         right: [Span(focused ? "" : "tab: move here", style: theme[.muted])],
                         area: areas.transactionsTitle, theme: theme, into: &buffer)
        renderTransactions(transactions, state: state, area: areas.transactions, into: &buffer)
        renderCaseNotes(state: state, area: areas.caseNotes, into: &buffer)
    }

    /// The newest case notes: when, who, and the note or the block's reason.
    private func renderCaseNotes(state: AppState, area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 2 else { return }
        let theme = state.theme, notes = detail.caseNotes
        let more = notes.count > area.height - 1 ? "\(notes.count - (area.height - 1)) older in :audit" : ""
        ViewTitle.render([Span("Case notes "), Span("\(notes.count)", style: Style(bold: true))],
                         right: [Span(more, style: theme[.muted])], area: area.row(0), theme: theme, into: &buffer)
        for (index, note) in notes.prefix(area.height - 1).enumerated() {
            let line = Line([
                Span(Formatting.age(note.at, now: state.now), style: theme[.muted]), Span("  "),
                Span(note.user, style: theme[.header]), Span("  "),
                Span(note.caseNoteText, style: note.result == .failed ? theme[.danger] : theme[.text]),
            ])
            buffer.put(line, x: area.x + 1, y: area.y + 1 + index, maxWidth: area.width - 2, ellipsis: true)
        }
    }

    private func renderPurses(_ purses: [PurseRecord], state: AppState, area: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme, now = state.now
        // Narrow terminals lose the deposited age, the expiry and the chain first; the address and status stay.
        let columns = [
            TableColumn("", width: .fixed(1), priority: .essential), TableColumn("CURRENCY", width: .fixed(10), priority: .essential),
            TableColumn("CHAIN", width: .fixed(8), priority: .important),
            TableColumn("ADDRESS", width: .flexible(min: 12, weight: 3), priority: .essential),
            TableColumn("STATUS", width: .fixed(8), priority: .essential),
            TableColumn("EXPIRES", width: .fixed(14), priority: .useful), TableColumn("DEPOSITED", width: .fixed(9), priority: .useful),
        ]
        let statusColumn = 4, addressColumn = 3
        TableView(
            columns: columns, rowCount: purses.count,
            emptyMessage: state.isReadOnly ? "no purses" : "no purses yet: n asks for an address",
            cellStyle: { row, column in
                switch column {
                case 0: theme[.border]
                case addressColumn where PurseGroups.continuesGroup(purses, row): theme[.muted]
                case addressColumn:
                    Style(link: state.link(forAddress: purses[row].address, currency: purses[row].currency, blockchain: purses[row].blockchain))
                case statusColumn: theme.style(for: purses[row].status)
                default: nil
                }
            },
            row: { row in
                let purse = purses[row]
                let address = PurseGroups.continuesGroup(purses, row) ? "〃 same address" : (purse.address ?? "—")
                return [PurseGroups.gutter(purses, row), purse.currency, purse.blockchain ?? "—", address, Formatting.status(purse.status),
                        purse.status.isActive ? Formatting.expiry(purse.expiresAt, now: now) : "—", Formatting.age(purse.lastDepositAt, now: now)]
            }
        ).render(into: &buffer, area: area, state: purseTable, styles: styles(state, focused: pane == .purses))
    }

    private func renderTransactions(_ transactions: [TransactionRecord], state: AppState, area: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme, now = state.now
        // Narrow terminals lose the hash, the age, the currency and the amount first; state, compliance and credited stay.
        let columns = [
            TableColumn("AGE", width: .fixed(5), priority: .useful), TableColumn("CURRENCY", width: .fixed(10), priority: .important),
            TableColumn("AMOUNT", width: .fixed(14), alignment: .right, priority: .important),
            TableColumn("STATE", width: .fixed(10), priority: .essential),
            TableColumn("COMPLIANCE", width: .fixed(11), priority: .essential), TableColumn("CREDITED", width: .fixed(8), priority: .essential),
            TableColumn("HASH", width: .flexible(min: 12, weight: 4), priority: .optional),
        ]
        TableView(
            columns: columns, rowCount: transactions.count, emptyMessage: "no deposits seen yet",
            cellStyle: { row, column in
                switch column {
                case 3: theme.style(for: transactions[row].state)
                case 4: theme.style(for: transactions[row].compliance)
                case 5: transactions[row].credited ? theme[.credited] : theme[.muted]
                case 6: Style(link: state.link(for: transactions[row], blockchain: chain(of: transactions[row])))
                default: nil
                }
            },
            row: { row in
                let tx = transactions[row]
                return [Formatting.age(tx.createdAt, now: now).replacingOccurrences(of: " ago", with: ""), tx.currency, tx.amount,
                        Formatting.state(tx.state), tx.compliance.rawValue, tx.credited ? "yes" : "no", tx.hash ?? "—"]
            }
        ).render(into: &buffer, area: area, state: transactionTable,
                 styles: styles(state, focused: pane == .transactions))
    }

    /// The chain of a deposit: that of the customer's purse at its address, else its currency's.
    private func chain(of transaction: TransactionRecord) -> String? {
        detail.purses.first { $0.address != nil && $0.address == transaction.address && $0.currency == transaction.currency }?.blockchain
    }

    /// The table without the cursor has no highlighted row.
    private func styles(_ state: AppState, focused: Bool) -> WidgetStyles {
        var styles = state.theme.widgetStyles
        if !focused { styles.selected = .plain }
        return styles
    }
}
