import DeskModel
import Foundation
import TerminalUI

/// Results from the store and the engine.
extension AppState {
    mutating func loadCustomers(_ list: [CustomerSummary]) {
        let selectedId = selectedCustomer?.id
        customers.replaceAll(list)
        customersLoaded = true
        reselect(selectedId)
    }

    /// Applies changed customers without moving the cursor off the customer it is on.
    mutating func updateCustomers(_ list: [CustomerSummary]) {
        guard !list.isEmpty else { return }
        let selectedId = currentView.isCustomerList ? selectedCustomer?.id : nil
        customers.upsert(list)
        if let selectedId { reselect(selectedId) }
        if case .customerDetail(let id) = currentView, let changed = list.last(where: { $0.id == id }) {
            detail?.customer = changed
        }
    }

    mutating func showDetail(_ data: CustomerDetailData) {
        guard viewStack.contains(.customerDetail(data.customerId)) else { return }
        var data = data
        data.purses = PurseGroups.ordered(data.purses)
        detail = data
        if data.customer == nil, customers.customer(id: data.customerId) == nil {
            showFlash("customer \(data.customerId.prefix(8)) is not in the local store", level: .warning)
        }
    }

    /// A batch of store events: feed lines, changed customers and reloads of what is on screen.
    mutating func apply(_ events: [DeskEvent]) -> [AppCommand] {
        guard !events.isEmpty else { return [] }
        countsStale = true
        var entries: [FeedEntry] = []
        var summaries: [CustomerSummary] = []
        var touched: [String] = []
        var touchedTransactions = Set<String>()
        var alertsChanged = false
        for event in events {
            if let entry = FeedEntry(event: event, at: now) {
                entries.append(entry)
                touchedTransactions.insert(entry.transaction.id)
            }
            switch event {
            case .customerAdded(let customer), .customerChanged(let customer): summaries.append(customer)
            case .alert: alertsChanged = true
            default: break
            }
            if let id = event.customerId, !touched.contains(id) { touched.append(id) }
        }
        appendToFeed(entries)
        updateCustomers(summaries)

        // Deposit and purse events change figures the events do not carry, so those customers are re-read.
        var commands: [AppCommand] = []
        let carried = Set(summaries.map(\.id))
        let stale = touched.filter { !carried.contains($0) }
        if !stale.isEmpty { commands.append(.reloadCustomers(stale)) }
        if let detail, touched.contains(detail.customerId) { commands.append(.loadDetail(customerId: detail.customerId)) }
        if case .transaction(let id) = currentView, touchedTransactions.contains(id) { commands.append(.loadTransaction(id: id)) }
        if alertsChanged, currentView == .alerts { commands.append(.loadAlerts) }
        return commands
    }

    /// Fills an empty feed with what the store already knows, oldest first.
    mutating func seedFeed(_ transactions: [TransactionRecord]) {
        guard feed.entries.isEmpty else { return }
        let entries = transactions.sorted { $0.updatedAt < $1.updatedAt }.map {
            FeedEntry(at: $0.updatedAt, kind: $0.credited ? .credited : .new, transaction: $0)
        }
        appendToFeed(entries)
    }

    private mutating func appendToFeed(_ entries: [FeedEntry]) {
        guard !entries.isEmpty else { return }
        let selected = feedTable.selected
        let dropped = feed.append(entries)
        followOrKeep(selectedRow: selected, dropped: dropped)
    }

    /// After new feed lines: to the newest when following, else on the same line as before.
    mutating func followOrKeep(selectedRow: Int, dropped: Int) {
        let rows = ScreenLayout(size: size).tableRows
        if feed.isFollowing {
            feedTable = feedTable.selecting(feed.rows.count - 1, rowCount: feed.rows.count, visibleRows: rows)
        } else if dropped > 0 {
            var selection = feedTable.selection
            selection.selected = max(0, selectedRow - dropped)
            selection.offset = max(0, selection.offset - dropped)
            feedTable.selection = selection.clamped(rowCount: feed.rows.count, visibleRows: rows)
        }
    }

    mutating func finish(_ outcome: ActionOutcome) -> [AppCommand] {
        switch outcome {
        case .succeeded(let text): showFlash(text, level: .info, seconds: 5)
        case .failed(let text): showFlash(text, level: .error)
        }
        countsStale = true
        var commands: [AppCommand] = []
        if currentView == .audit { commands.append(.loadAudit) }
        if let detail { commands.append(.loadDetail(customerId: detail.customerId)) }
        return commands
    }
}
