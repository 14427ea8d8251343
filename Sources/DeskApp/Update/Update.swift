import Foundation
import TerminalUI

/// The one place the app state changes: applies a message and returns the work to do next.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppCommand] {
    var commands: [AppCommand]
    switch message {
    case .started:
        commands = state.offline ? [] : [.refreshNow]
        commands += [.loadCustomers, .loadCounts, .loadFeedHistory]
    case .key(let key):
        commands = state.handleKey(key)
    case .resize(let size):
        state.size = size
        commands = []
    case .tick(let now):
        commands = state.tick(now)
    case .modelEvents(let events):
        commands = state.apply(events)
    case .syncStatus(let connection):
        state.header.connection = connection
        commands = []
    case .customersLoaded(let list):
        state.loadCustomers(list)
        commands = []
    case .customersUpdated(let list):
        state.updateCustomers(list)
        commands = []
    case .countsLoaded(let counts):
        state.header.counts = counts
        commands = []
    case .detailLoaded(let data):
        state.showDetail(data)
        commands = []
    case .transactionLoaded(let data):
        if state.currentView == .transaction(data.transaction.id) { state.transactionDetail = data }
        commands = []
    case .alertsLoaded(let alerts):
        state.alerts = alerts
        commands = []
    case .auditLoaded(let audit):
        state.audit = audit
        commands = []
    case .feedHistoryLoaded(let transactions):
        state.seedFeed(transactions)
        commands = []
    case .actionFinished(let outcome):
        commands = state.finish(outcome)
    case .themeLoaded(let theme):
        state.theme = theme
        state.showFlash("theme \(theme.name)", level: .info)
        commands = []
    case .failed(let reason):
        state.showFlash(reason, level: .error)
        commands = []
    }
    return commands + state.engineCommands()
}

extension AppState {
    /// Tells the engine what the operator looks at, when that changed.
    mutating func engineCommands() -> [AppCommand] {
        guard !offline, !shouldQuit else { return [] }
        var commands: [AppCommand] = []
        let focus = viewStack.lazy.reversed().compactMap { view -> String? in
            if case .customerDetail(let id) = view { return id }
            return nil
        }.first
        if focus != sentFocus {
            sentFocus = focus
            commands.append(.focus(customerId: focus))
        }
        if currentView.isCustomerList {
            let visible = visibleCustomerIds
            if visible != sentVisibleIds {
                sentVisibleIds = visible
                commands.append(.setVisible(customerIds: visible))
            }
        }
        return commands
    }

    /// The ids of the customer rows on screen.
    var visibleCustomerIds: [String] {
        let table = currentView == .blocked ? blockedTable : customerTable
        let rows = ScreenLayout(size: size).tableRows
        let selection = table.selection.clamped(rowCount: customers.rows.count, visibleRows: rows)
        return selection.visibleRange(rowCount: customers.rows.count, visibleRows: rows).compactMap { customers.customer(atRow: $0)?.id }
    }

    mutating func tick(_ date: Date) -> [AppCommand] {
        now = date
        if let flash, flash.expiresAt <= date { self.flash = nil }
        guard countsStale else { return [] }
        countsStale = false
        return [.loadCounts]
    }

    mutating func showFlash(_ text: String, level: FlashMessage.Level, seconds: TimeInterval = 4) {
        flash = Flash(text, level: level, expiresAt: now.addingTimeInterval(level == .error ? max(seconds, 8) : seconds))
    }
}
