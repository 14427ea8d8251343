import DeskModel
import TerminalUI

extension ViewID {
    static let customers = ViewID("customers")
    static let blocked = ViewID("blocked")
}

/// The customers table, all of them or only the blocked ones. The list itself is shared
/// (`DeskData.customers`); the view owns its cursor and marks.
struct CustomersView: DeskView {
    let scope: CustomerList.Scope
    var table = TableState()
    /// Customer ids marked with space for a bulk block/unblock.
    var marks: Set<String> = []
    /// The customer the cursor was on before the list changed.
    private var anchorId: String?
    /// A filter changed while the rows compute in the background: their first row is selected when they come.
    private var selectFirstOnResults = false

    init(scope: CustomerList.Scope) {
        self.scope = scope
    }

    var id: ViewID { scope == .blockedOnly ? .blocked : .customers }

    static let keys = [
        ViewKey(.open, "the customer's purses and deposits"),
        ViewKey(.filter, "filter: text matches id, email, external id or description; `email:ann`, `id:1a2b`, `ext:123`, "
            + "`desc:vip`, `blocked:yes` / `blocked:no` / `blocked:unknown` narrow by field; terms combine"),
        ViewKey(.sortNext, "sort by the next column (▲/▼ in the header); after the last column, back to the order added"),
        ViewKey(.sortFlip, "flip the sort direction"),
        ViewKey(.mark, "mark / unmark for a bulk block or unblock"),
        ViewKey(.copy, "copy the customer id"),
        ViewKey(.block, "block the marked customers, else the selected one"),
        ViewKey(.unblock, "unblock the marked customers, else the selected one"),
        ViewKey(.newAddress, "new deposit address (currency picker)"),
        ViewKey(.create, "create a customer (form)"),
        ViewKey(.edit, "edit the selected customer (form)"),
        ViewKey(.addNote, "add a case note on the selected customer (shown in its detail and the audit log)"),
    ]
    static let hints: [KeyAction] = [.open, .filter, .block, .unblock, .newAddress, .create, .edit, .addNote, .mark, .sortNext, .sortFlip, .command,
                                     .help, .quit]
    static let filterPlaceholder = "text, email:ann, ext:123, blocked:yes"

    static let registration = ViewRegistration(
        name: "customers", heading: "Customers", commands: ["customers", "customer", "cust", "cu"], summary: "all customers",
        keys: keys, hints: hints, filterPlaceholder: filterPlaceholder, make: { CustomersView(scope: .all) })
    static let blockedRegistration = ViewRegistration(
        name: "blocked", heading: "Blocked customers", commands: ["blocked", "bl"], summary: "blocked customers",
        keys: keys, hints: hints, filterPlaceholder: filterPlaceholder, make: { CustomersView(scope: .blockedOnly) })

    mutating func enter(_ shell: inout AppState) -> [AppCommand] {
        shell.data.customers.setScope(scope)
        return []
    }

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadCounts] }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        switch action {
        case .open:
            guard let customer = selectedCustomer(shell) else { return [] }
            shell.push(CustomerDetailView(customerId: customer.id, customer: customer))
        case .mark:
            guard let customer = selectedCustomer(shell) else { return [] }
            if marks.remove(customer.id) == nil { marks.insert(customer.id) }
            move(.down, &shell)
        case .sortNext:
            let columns = CustomerColumn.allCases
            let next: CustomerSort? = switch shell.data.customers.sort {
            case nil: CustomerSort(column: columns[0])
            case let sort? where sort.column == columns.last: nil
            case let sort?: CustomerSort(column: columns[sort.column.rawValue + 1], direction: sort.direction)
            }
            resort(next, &shell)
        case .sortFlip:
            var sort = shell.data.customers.sort ?? CustomerSort(column: .id)
            sort.direction = sort.direction.toggled
            resort(sort, &shell)
        default:
            _ = shell.performCustomerAction(action, targets: actionTargets(shell), selected: selectedCustomer(shell))
        }
        return []
    }

    mutating func prepare(for message: AppMessage, _ shell: AppState) {
        switch message {
        case .customersLoaded, .customersUpdated, .modelEvents, .customerPreviewLoaded, .customerTableLoaded, .customerRowsComputed:
            anchorId = selectedCustomer(shell)?.id
        default: break
        }
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        guard shell.currentView == id else { return [] }
        switch message {
        case .customersLoaded, .customerPreviewLoaded, .customerTableLoaded: reselect(anchorId, shell)
        case .customerRowsComputed:
            if selectFirstOnResults, !shell.data.customers.isComputing {
                selectFirstOnResults = false
                table.selection = SelectionState()
            } else {
                reselect(anchorId, shell)
            }
        case .customersUpdated(let list) where !list.isEmpty: reselect(anchorId, shell)
        case .modelEvents: reselect(anchorId, shell)
        default: break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: shell.data.customers.rowCount, visibleRows: shell.layout.tableRows)
    }

    mutating func back(_ shell: inout AppState) -> Bool {
        if !shell.data.customerFilter.isEmpty {
            setFilter("", &shell)
            return true
        }
        if !marks.isEmpty {
            marks = []
            shell.showFlash("marks cleared", level: .info)
            return true
        }
        return false
    }

    func filterText(_ shell: AppState) -> String? { shell.data.customerFilter }

    mutating func setFilter(_ text: String, _ shell: inout AppState) {
        shell.data.customerFilter = text
        shell.data.customers.setFilter(text)
        table.selection = SelectionState()
        selectFirstOnResults = shell.data.customers.isComputing
    }

    mutating func confirmed(_ pending: PendingAction) {
        marks.subtract(pending.customerIds)
    }

    func copyText(_ shell: AppState) -> String? { selectedCustomer(shell)?.id }

    func selectedCustomer(_ shell: AppState) -> CustomerSummary? { shell.data.customers.customer(atRow: table.selected) }

    /// The marked customers, else the selected one.
    func actionTargets(_ shell: AppState) -> [CustomerSummary] {
        guard marks.isEmpty else { return marks.compactMap { shell.data.customers.customer(id: $0) }.sorted { $0.id < $1.id } }
        return selectedCustomer(shell).map { [$0] } ?? []
    }

    func visibleCustomerIds(_ shell: AppState) -> [String]? {
        let customers = shell.data.customers, rows = shell.layout.tableRows
        let selection = table.selection.clamped(rowCount: customers.rowCount, visibleRows: rows)
        return selection.visibleRange(rowCount: customers.rowCount, visibleRows: rows).compactMap { customers.id(atRow: $0) }
    }

    func extraHelp(_ shell: AppState) -> [HelpSection] {
        [HelpSection(title: "BLOCKED column", entries: [
            HelpEntry(key: "BLOCKED", description: "blocked (said by Calypso)"),
            HelpEntry(key: "no", description: "not blocked (said by Calypso)"),
            HelpEntry(key: "?", description: "not known yet: seen only in deposits; a block, unblock, edit or webhook tells"),
        ]), HelpSection(title: "Statuses and states", entries:
            Vocabulary.purseStatuses.map { HelpEntry(key: $0.label, description: "purse \($0.apiName): \($0.meaning)") }
            + Vocabulary.depositStates.map { HelpEntry(key: $0.label, description: "deposit \($0.apiName): \($0.meaning)") })]
    }

    /// Re-sorts and keeps the cursor on the same customer.
    private mutating func resort(_ sort: CustomerSort?, _ shell: inout AppState) {
        let selectedId = selectedCustomer(shell)?.id
        shell.data.customers.setSort(sort)
        reselect(selectedId, shell)
        shell.showFlash(sort.map { "sorted by \($0.column.title.lowercased()) \($0.direction.indicator)" } ?? "unsorted (order added)",
                        level: .info, seconds: 2)
    }

    /// Puts the cursor back on `id`, or on the first row.
    private mutating func reselect(_ id: String?, _ shell: AppState) {
        let customers = shell.data.customers
        let row = id.flatMap { customers.row(of: $0) } ?? 0
        table = table.selecting(row, rowCount: customers.rowCount, visibleRows: shell.layout.tableRows)
    }
}
