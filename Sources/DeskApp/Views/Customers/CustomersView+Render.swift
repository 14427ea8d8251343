import DeskModel
import Foundation
import TerminalUI

extension CustomersView {
    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let theme = state.theme
        let (titleArea, tableArea) = layout.titledTable
        let list = state.data.customers, filter = state.data.customerFilter
        let name = scope == .blockedOnly ? "Blocked customers" : "Customers"
        var left = [Span("\(name) "), Span("\(list.rowCount)", style: Style(bold: true))]
        if list.isPreview {
            left.append(Span(" loading…", style: theme[.muted]))
        } else if list.rowCount != list.count {
            left.append(Span("/\(list.count)", style: theme[.muted]))
        }
        var right: [Span] = []
        if list.isComputing { right.append(Span(list.wanted.sort != list.shown.sort ? "sorting…  " : "filtering…  ", style: theme[.muted])) }
        if !filter.isEmpty { right += [Span("filter ", style: theme[.muted]), Span(filter, style: theme[.marked])] }
        if let sort = list.sort { right += [Span("  sort ", style: theme[.muted]), Span("\(sort.column.title.lowercased()) \(sort.direction.indicator)")] }
        if !marks.isEmpty { right += [Span("  \(marks.count) marked", style: theme[.marked])] }
        let unknown = state.header.counts?.blockedUnknown ?? 0
        if scope == .all, unknown > 0 {
            right += [Span("  ? = blocked not known yet (seen only in deposits)", style: theme[.muted])]
        } else if scope == .blockedOnly, unknown > 0 {
            right += [Span("  \(unknown) more not known yet (?)", style: theme[.muted])]
        }
        ViewTitle.render(left, right: right, area: titleArea, theme: theme, into: &buffer)

        let columns = CustomerColumn.allCases
        var tableState = table
        tableState.sort = list.sort.flatMap { sort in
            columns.firstIndex(of: sort.column).map { TableSort(column: $0, direction: sort.direction) }
        }
        tableState.marked = markedRows(list, visibleRows: layout.tableRows)
        let now = state.now
        // Each visible customer is made once per frame from the list's columns, not once per cell.
        let selection = table.selection.clamped(rowCount: list.rowCount, visibleRows: layout.tableRows)
        let visible = selection.visibleRange(rowCount: list.rowCount, visibleRows: layout.tableRows)
        let shown = visible.map { list.customer(atRow: $0) }
        let visibleCustomer = { (row: Int) in visible.contains(row) ? shown[row - visible.lowerBound] : list.customer(atRow: row) }
        TableView(
            columns: columns.map(Self.tableColumn),
            rowCount: list.rowCount,
            showsMarks: true,
            emptyMessage: emptyMessage(state),
            rowStyle: { _ in theme[.row] },
            cellStyle: { row, column in
                guard let customer = visibleCustomer(row) else { return nil }
                switch columns[column] {
                case .blocked: return customer.blockState == .blocked ? theme[.danger] : theme[.muted]
                case .pending: return customer.pendingDeposits > 0 ? theme[.stateCompliance] : nil
                case .id: return theme[.muted]
                default: return nil
                }
            },
            row: { row in
                guard let customer = visibleCustomer(row) else { return [] }
                return columns.map { Self.text(customer, $0, now: now) }
            }
        ).render(into: &buffer, area: tableArea, state: tableState, styles: theme.widgetStyles)
    }

    /// The table's columns. When the width runs short the least needed go first, whole (description,
    /// external id, id, pending); email, blocked, purses and last deposit stay longest.
    static func tableColumn(_ column: CustomerColumn) -> TableColumn {
        switch column {
        case .id: TableColumn(column.title, width: .fixed(8), priority: .useful)
        case .email: TableColumn(column.title, width: .flexible(min: 24, weight: 4), priority: .essential)
        case .externalId: TableColumn(column.title, width: .flexible(min: 11, weight: 2), priority: .useful)
        case .description: TableColumn(column.title, width: .flexible(min: 20, weight: 2), priority: .optional)
        case .blocked: TableColumn(column.title, width: .fixed(7), priority: .essential)
        case .purses: TableColumn(column.title, width: .fixed(6), alignment: .right, priority: .essential)
        case .lastDeposit: TableColumn(column.title, width: .fixed(12), priority: .essential)
        case .pending: TableColumn(column.title, width: .fixed(7), alignment: .right, priority: .important)
        }
    }

    private static func text(_ customer: CustomerSummary, _ column: CustomerColumn, now: Date) -> String {
        switch column {
        case .id: Formatting.shortId(customer.id)
        case .email: customer.email ?? "—"
        case .externalId: customer.externalId ?? "—"
        case .description: customer.description ?? ""
        case .blocked: Self.blockedText(customer.blockState)
        case .purses: "\(customer.purseCount)"
        case .lastDeposit: Formatting.age(customer.lastDepositAt, now: now)
        case .pending: customer.pendingDeposits > 0 ? "\(customer.pendingDeposits)" : "·"
        }
    }

    /// Customers seen only in deposits may be blocked too: `:blocked` says how many it cannot list.
    static func unknownNote(_ unknown: Int) -> String {
        "\(unknown) more not known yet (?): :customers /blocked:unknown"
    }

    static func blockedText(_ state: BlockState) -> String {
        switch state {
        case .blocked: "BLOCKED"
        case .notBlocked: "no"
        case .unknown: "?"
        }
    }

    /// Rows on screen whose customer is marked (marks are kept by id, rows move).
    private func markedRows(_ list: CustomerList, visibleRows: Int) -> Set<Int> {
        guard !marks.isEmpty else { return [] }
        let count = list.rowCount
        let selection = table.selection.clamped(rowCount: count, visibleRows: visibleRows)
        return Set(selection.visibleRange(rowCount: count, visibleRows: visibleRows).filter { row in
            list.id(atRow: row).map(marks.contains) ?? false
        })
    }

    private func emptyMessage(_ state: AppState) -> String {
        if !state.data.customersLoaded { return "loading customers…" }
        let filter = state.data.customerFilter
        if !filter.isEmpty {
            // A caller often reads out an address or a hash, which the customer list does not hold.
            let looksLikeChainValue = !filter.contains(" ") && !filter.contains(":") && !filter.contains("@") && filter.count >= 25
            return looksLikeChainValue
                ? "no customer matches \"\(filter)\"; an address or hash: :feed then / finds its deposit (esc clears)"
                : "no customer matches \"\(filter)\" (esc clears)"
        }
        if scope == .blockedOnly {
            let unknown = state.header.counts?.blockedUnknown ?? 0
            return unknown > 0 ? "none known to be blocked; \(Self.unknownNote(unknown))" : "no blocked customers"
        }
        return "no customers yet: c creates one, or `pursedesk customer import FILE.csv`"
    }
}
