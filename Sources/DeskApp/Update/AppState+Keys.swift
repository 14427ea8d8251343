import DeskModel
import TerminalUI

/// Keys on a view, with no dialog or prompt open.
extension AppState {
    mutating func handleKey(_ key: Key) -> [AppCommand] {
        if modal != nil { return handleModalKey(key) }
        if prompt != nil { return handlePromptKey(key) }
        guard let action = keyMap.action(for: key) else {
            if let reason = readOnlyReason,
               let disabled = KeyAction.allCases.first(where: { $0.isDangerous && $0.defaultKeys.contains(key) }) {
                showFlash("\(reason): \(disabled.summary) is disabled", level: .warning)
            }
            return []
        }
        return perform(action)
    }

    mutating func perform(_ action: KeyAction) -> [AppCommand] {
        switch action {
        case .moveUp: move(.up)
        case .moveDown: move(.down)
        case .top: move(.home)
        case .bottom: move(.end)
        case .pageUp: move(.pageUp)
        case .pageDown: move(.pageDown)
        case .open: return open()
        case .back: return back()
        case .quit:
            guard viewStack.count == 1 else { return pop() }
            shouldQuit = true
            return [.quit]
        case .help: modal = .help(offset: 0)
        case .command: prompt = .command(TextInputState())
        case .filter:
            switch currentView {
            case .customers, .blocked: prompt = .filter(TextInputState(text: customerFilter))
            case .feed: prompt = .filter(TextInputState(text: feed.filter.text))
            default: showFlash("nothing to filter here", level: .info)
            }
        case .refresh: return refresh()
        case .mark: toggleMark()
        case .sortNext: cycleSort()
        case .sortFlip: flipSort()
        case .copy: return copySelection()
        case .pause: togglePause()
        case .follow: toggleFollow()
        case .nextPane:
            if case .customerDetail = currentView { detailPane = detailPane == .purses ? .transactions : .purses }
        case .block, .unblock: askToChangeBlock(blocking: action == .block)
        case .newAddress: openCurrencyPicker()
        case .create: modal = .form(CustomerForm(mode: .create))
        case .edit: openEditForm()
        }
        return []
    }

    private mutating func open() -> [AppCommand] {
        switch currentView {
        case .customers, .blocked:
            guard let customer = selectedCustomer else { return [] }
            return push(.customerDetail(customer.id))
        case .customerDetail:
            guard detailPane == .transactions, let tx = detail?.transactions[safe: detailTransactionTable.selected] else {
                if detailPane == .purses, detail?.transactions.isEmpty == false {
                    showFlash("tab switches to the transactions", level: .info)
                }
                return []
            }
            return push(.transaction(tx.id))
        case .feed:
            guard let entry = feed.entry(atRow: feedTable.selected) else { return [] }
            return push(.transaction(entry.transaction.id))
        case .alerts:
            guard let alert = alerts[safe: alertTable.selected] else { return [] }
            if let customerId = alert.customerId { return push(.customerDetail(customerId)) }
            if let transactionId = alert.transactionId, !transactionId.contains(":") { return push(.transaction(transactionId)) }
            return []
        case .audit, .transaction:
            return []
        }
    }

    private mutating func back() -> [AppCommand] {
        if currentView.isCustomerList, !customerFilter.isEmpty {
            applyCustomerFilter("")
            return []
        }
        if currentView == .feed, !feed.filter.isEmpty {
            feed.setFilter("")
            return []
        }
        if currentView.isCustomerList, !marks.isEmpty {
            marks = []
            showFlash("marks cleared", level: .info)
            return []
        }
        return pop()
    }

    private mutating func refresh() -> [AppCommand] {
        showFlash(offline ? "offline: showing stored data" : "refreshing…", level: .info, seconds: 2)
        var commands: [AppCommand] = offline ? [] : [.refreshNow]
        switch currentView {
        case .customerDetail(let id): commands.append(.loadDetail(customerId: id))
        case .transaction(let id): commands.append(.loadTransaction(id: id))
        case .alerts: commands.append(.loadAlerts)
        case .audit: commands.append(.loadAudit)
        case .customers, .blocked, .feed: commands.append(.loadCounts)
        }
        return commands
    }

    private mutating func toggleMark() {
        guard currentView.isCustomerList, let customer = selectedCustomer else { return }
        if marks.remove(customer.id) == nil { marks.insert(customer.id) }
        move(.down)
    }

    private mutating func cycleSort() {
        guard currentView.isCustomerList else { return }
        let columns = CustomerColumn.allCases
        let next: CustomerSort? = switch customers.sort {
        case nil: CustomerSort(column: columns[0])
        case let sort? where sort.column == columns.last: nil
        case let sort?: CustomerSort(column: columns[sort.column.rawValue + 1], direction: sort.direction)
        }
        resort(next)
    }

    private mutating func flipSort() {
        guard currentView.isCustomerList else { return }
        var sort = customers.sort ?? CustomerSort(column: .id)
        sort.direction = sort.direction.toggled
        resort(sort)
    }

    /// Re-sorts and keeps the cursor on the same customer.
    private mutating func resort(_ sort: CustomerSort?) {
        let selectedId = selectedCustomer?.id
        customers.setSort(sort)
        reselect(selectedId)
        showFlash(sort.map { "sorted by \($0.column.title.lowercased()) \($0.direction.indicator)" } ?? "unsorted (order added)",
                  level: .info, seconds: 2)
    }

    /// Puts the cursor of the current customer table back on `id`, or on the first row.
    mutating func reselect(_ id: String?) {
        guard currentView.isCustomerList else { return }
        let row = id.flatMap { customers.row(of: $0) } ?? 0
        currentTable = currentTable.selecting(row, rowCount: customers.rows.count, visibleRows: currentPageRows)
    }

    private mutating func copySelection() -> [AppCommand] {
        let text: String?
        switch currentView {
        case .customers, .blocked: text = selectedCustomer?.id
        case .customerDetail:
            if detailPane == .purses {
                text = detail?.purses[safe: purseTable.selected]?.address
            } else {
                let tx = detail?.transactions[safe: detailTransactionTable.selected]
                text = tx?.hash ?? tx?.id
            }
        case .feed:
            let tx = feed.entry(atRow: feedTable.selected)?.transaction
            text = tx?.hash ?? tx?.id
        case .transaction: text = transactionDetail.map { $0.transaction.hash ?? $0.transaction.id }
        case .alerts: text = alerts[safe: alertTable.selected]?.message
        case .audit: text = audit[safe: auditTable.selected]?.target
        }
        guard let text, !text.isEmpty else {
            showFlash("nothing to copy here", level: .warning)
            return []
        }
        showFlash("copied \(text)", level: .info)
        return [.copy(text)]
    }

    private mutating func togglePause() {
        guard currentView == .feed else { return }
        if feed.isPaused {
            let selected = feedTable.selected
            let dropped = feed.resume()
            followOrKeep(selectedRow: selected, dropped: dropped)
            showFlash("feed resumed", level: .info, seconds: 2)
        } else {
            feed.isPaused = true
            showFlash("feed paused: p resumes", level: .info, seconds: 2)
        }
    }

    private mutating func toggleFollow() {
        guard currentView == .feed else { return }
        feed.isFollowing.toggle()
        if feed.isFollowing { move(.end) }
        showFlash(feed.isFollowing ? "following the newest deposit" : "follow off", level: .info, seconds: 2)
    }

    private mutating func askToChangeBlock(blocking: Bool) {
        guard currentView.isCustomerList || currentView.isDetail else { return }
        let targets = actionTargets
        guard !targets.isEmpty else {
            showFlash("no customer selected", level: .warning)
            return
        }
        let ids = targets.filter { $0.blocked != blocking }.map(\.id)
        guard !ids.isEmpty else {
            showFlash(targets.count == 1 ? "already \(blocking ? "blocked" : "unblocked")" : "all marked customers are already \(blocking ? "blocked" : "unblocked")",
                      level: .info)
            return
        }
        modal = .confirm(blocking ? .block(ids) : .unblock(ids))
    }

    private mutating func openCurrencyPicker() {
        guard currentView.isCustomerList || currentView.isDetail, let customer = selectedCustomer else { return }
        guard !currencies.isEmpty else {
            showFlash("no currencies known for this account", level: .error)
            return
        }
        modal = .picker(CurrencyPicker(customerId: customer.id, options: currencies))
    }

    private mutating func openEditForm() {
        guard currentView.isCustomerList || currentView.isDetail, let customer = selectedCustomer else { return }
        modal = .form(CustomerForm(mode: .edit(customerId: customer.id), email: customer.email ?? "",
                                   externalId: customer.externalId ?? "", description: customer.description ?? ""))
    }
}

extension ViewID {
    var isDetail: Bool {
        if case .customerDetail = self { return true }
        return false
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
