import DeskModel
import TerminalUI

/// Views, selections and what the cursor is on.
extension AppState {
    /// Replaces the view stack (`:` commands) and returns the loads the new view needs.
    mutating func switchTo(_ view: ViewID) -> [AppCommand] {
        viewStack = view == .customers ? [.customers] : [.customers, view]
        return viewEntered()
    }

    mutating func push(_ view: ViewID) -> [AppCommand] {
        viewStack.append(view)
        return viewEntered()
    }

    mutating func pop() -> [AppCommand] {
        guard viewStack.count > 1 else { return [] }
        let left = viewStack.removeLast()
        if case .customerDetail = left { detail = nil }
        if case .transaction = left { transactionDetail = nil }
        return viewEntered()
    }

    private mutating func viewEntered() -> [AppCommand] {
        if let list = viewStack.last(where: \.isCustomerList) {
            customers.setScope(list == .blocked ? .blockedOnly : .all)
        }
        switch currentView {
        case .customerDetail(let id):
            if detail?.customerId != id {
                detail = CustomerDetailData(customerId: id, customer: customers.customer(id: id), purses: [], transactions: [])
                detailPane = .purses
                purseTable = TableState()
                detailTransactionTable = TableState()
            }
            return [.loadDetail(customerId: id)]
        case .transaction(let id):
            if transactionDetail?.transaction.id != id { transactionDetail = nil }
            return [.loadTransaction(id: id)]
        case .alerts: return [.loadAlerts]
        case .audit: return [.loadAudit]
        case .customers, .blocked, .feed: return []
        }
    }

    /// The table state of the current view.
    var currentTable: TableState {
        get {
            switch currentView {
            case .customers: customerTable
            case .blocked: blockedTable
            case .customerDetail: detailPane == .purses ? purseTable : detailTransactionTable
            case .feed: feedTable
            case .alerts: alertTable
            case .audit: auditTable
            case .transaction: TableState()
            }
        }
        set {
            switch currentView {
            case .customers: customerTable = newValue
            case .blocked: blockedTable = newValue
            case .customerDetail: if detailPane == .purses { purseTable = newValue } else { detailTransactionTable = newValue }
            case .feed: feedTable = newValue
            case .alerts: alertTable = newValue
            case .audit: auditTable = newValue
            case .transaction: break
            }
        }
    }

    var currentRowCount: Int {
        switch currentView {
        case .customers, .blocked: customers.rows.count
        case .customerDetail: detailPane == .purses ? (detail?.purses.count ?? 0) : (detail?.transactions.count ?? 0)
        case .feed: feed.rows.count
        case .alerts: alerts.count
        case .audit: audit.count
        case .transaction: 0
        }
    }

    var currentPageRows: Int {
        let layout = ScreenLayout(size: size)
        if case .customerDetail = currentView {
            return layout.detailRows(purseCount: detail?.purses.count ?? 0, pane: detailPane)
        }
        return layout.tableRows
    }

    mutating func move(_ move: SelectionMove) {
        currentTable = currentTable.moved(move, rowCount: currentRowCount, visibleRows: currentPageRows)
        if currentView == .feed { feed.isFollowing = currentTable.selected >= feed.rows.count - 1 }
    }

    var selectedCustomer: CustomerSummary? {
        switch currentView {
        case .customers, .blocked: customers.customer(atRow: currentTable.selected)
        case .customerDetail(let id): detail?.customer ?? customers.customer(id: id)
        default: nil
        }
    }

    /// The customers a block/unblock applies to: the marked ones in a list, else the selected one.
    var actionTargets: [CustomerSummary] {
        if currentView.isCustomerList, !marks.isEmpty {
            return marks.compactMap { customers.customer(id: $0) }.sorted { $0.id < $1.id }
        }
        return selectedCustomer.map { [$0] } ?? []
    }
}
