import DeskModel
import Foundation
import TerminalUI

/// The one place the app state changes: applies a message and returns the work to do next.
/// The shell applies it to what it owns and the shared data, then every view in the stack sees it.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppCommand] {
    var commands: [AppCommand] = []
    for index in state.views.indices {
        var view = state.views[index]
        view.prepare(for: message, state)
        state.views[index] = view
    }
    switch message {
    case .started:
        commands = state.offline ? [] : [.refreshNow]
        commands += [.loadCustomers, .loadCounts, .loadFeedHistory]
        if !state.offline { commands.append(.loadAccounts) }
        commands += state.enterTop()
    case .key(let key):
        commands = state.handleKey(key)
    case .resize(let size):
        state.size = size
    case .tick(let now):
        commands = state.tick(now)
    case .modelEvents(let events):
        commands = state.apply(events)
    case .syncStatus(let connection):
        state.header.connection = connection
    case .teamStatus(let team):
        state.header.team = team
    case .customersLoaded(let list):
        state.data.customers.replaceAll(list)
        state.data.customersLoaded = true
        state.data.refilterFeedByCustomer()
    case .customersUpdated(let list):
        state.data.customers.upsert(list)
        state.data.refilterFeedByCustomer()
    case .customerPreviewLoaded(let list):
        if !state.data.customersLoaded { state.data.customers.showPreview(list) }
        state.data.refilterFeedByCustomer()
    case .customerTableLoaded(let list):
        state.data.customers.adoptLoaded(list)
        state.data.customersLoaded = true
        state.data.refilterFeedByCustomer()
    case .customerRowsComputed(let work):
        state.data.customers.adopt(work.list)
    case .countsLoaded(let counts):
        state.header.counts = counts
    case .feedHistoryLoaded(let transactions):
        state.seedFeed(transactions)
    case .actionFinished(let outcome):
        switch outcome {
        case .succeeded(let text): state.showFlash(text, level: .info, seconds: 5)
        case .failed(let text): state.showFlash(text, level: .error)
        case .addressIssued(let answer):
            state.showFlash(answer.text, level: .info, seconds: 20)
            state.copyOffer = answer.address
        }
        state.countsStale = true
    case .themeLoaded(let theme):
        state.theme = theme
        state.showFlash("theme \(theme.name)", level: .info)
    case .failed(let reason):
        state.showFlash(reason, level: .error)
    case .accountsLoaded(let accounts):
        state.nameAccount(from: accounts)
    case .accountSwitched(let switched):
        commands = state.switchAccount(switched)
    case .detailLoaded, .transactionLoaded, .alertsLoaded, .auditLoaded, .overviewLoaded:
        break
    }
    if case .key = message {} else { commands += state.deliver(message) }
    commands += state.navigate()
    if let work = state.data.customers.pendingWork() { commands.append(.computeCustomerRows(CustomerListWork(work))) }
    return commands + state.engineCommands()
}

extension AppState {
    /// Gives `message` to every view, bottom first.
    mutating func deliver(_ message: AppMessage) -> [AppCommand] {
        var commands: [AppCommand] = []
        for index in views.indices {
            var view = views[index]
            commands += view.receive(message, &self)
            views[index] = view
        }
        return commands
    }

    /// Runs `body` on the top view with the shell, then does the navigation it asked for.
    mutating func withTopView(_ body: (inout any DeskView, inout AppState) -> [AppCommand]) -> [AppCommand] {
        let index = views.count - 1
        var view = views[index]
        let commands = body(&view, &self)
        views[index] = view
        return commands + navigate()
    }

    /// Tells the engine what the operator looks at, when that changed.
    mutating func engineCommands() -> [AppCommand] {
        guard !offline, !shouldQuit else { return [] }
        var commands: [AppCommand] = []
        let focus = views.reversed().lazy.compactMap(\.focusCustomerId).first
        if focus != sentFocus {
            sentFocus = focus
            commands.append(.focus(customerId: focus))
        }
        if let visible = views[views.count - 1].visibleCustomerIds(self), visible != sentVisibleIds {
            sentVisibleIds = visible
            commands.append(.setVisible(customerIds: visible))
        }
        return commands
    }

    mutating func tick(_ date: Date) -> [AppCommand] {
        now = date
        if let flash, flash.expiresAt <= date {
            self.flash = nil
            copyOffer = nil
        }
        guard countsStale else { return [] }
        countsStale = false
        return [.loadCounts]
    }

    /// A batch of store events: feed lines, changed customers and reloads of customers whose figures changed.
    mutating func apply(_ events: [DeskEvent]) -> [AppCommand] {
        guard !events.isEmpty else { return [] }
        countsStale = true
        var entries: [FeedEntry] = []
        var summaries: [CustomerSummary] = []
        var touched: [String] = []
        var alerts = 0
        for event in events {
            if let entry = FeedEntry(event: event, at: now) { entries.append(entry) }
            switch event {
            case .customerAdded(let customer), .customerChanged(let customer): summaries.append(customer)
            case .alert: alerts += 1
            default: break
            }
            if let id = event.customerId, !touched.contains(id) { touched.append(id) }
        }
        if !summaries.isEmpty {
            data.customers.upsert(summaries)
            data.refilterFeedByCustomer()
        }
        data.appendFeed(entries)
        // Deposit and purse events change figures the events do not carry, so those customers are re-read.
        let carried = Set(summaries.map(\.id))
        let stale = touched.filter { !carried.contains($0) }
        var commands: [AppCommand] = stale.isEmpty ? [] : [.reloadCustomers(stale)]
        if alerts > 0 {
            header.counts?.unacknowledgedAlerts += alerts
            if bell { commands.append(.bell) }
        }
        return commands
    }

    /// Fills an empty feed with what the store already knows, oldest first.
    mutating func seedFeed(_ transactions: [TransactionRecord]) {
        guard data.feed.entries.isEmpty else { return }
        data.appendFeed(transactions.sorted { $0.updatedAt < $1.updatedAt }.map {
            FeedEntry(at: $0.updatedAt, kind: $0.credited ? .credited : .new, transaction: $0)
        })
    }
}
