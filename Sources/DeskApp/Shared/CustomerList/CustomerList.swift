import DeskModel

/// Every customer in memory with the filtered, sorted rows the table shows. Each column's order is
/// kept ready, so a sort change only walks it; a longer filter re-checks only the rows it showed; a
/// changed customer is merged into each order instead of re-sorting everything.
public struct CustomerList: Sendable {
    public enum Scope: Hashable, Sendable {
        case all, blockedOnly
    }

    public private(set) var customers: [CustomerSummary] = []
    private var search = CustomerSearchIndex([])
    private var blocked = Bitmap(count: 0, filled: false)
    private var indexById: [String: Int] = [:]
    private var orders = SortOrders([])
    private var matches = FilterMatches(count: 0)
    /// The rows shown: indices into `customers`, in sort order, matching the filter and scope.
    public private(set) var rows: [Int] = []
    public private(set) var sort: CustomerSort?
    public private(set) var scope = Scope.all

    public init(_ customers: [CustomerSummary] = []) {
        replaceAll(customers)
    }

    public var count: Int { customers.count }
    public var filter: CustomerFilter { matches.filter }

    public func customer(atRow row: Int) -> CustomerSummary? {
        rows.indices.contains(row) ? customers[rows[row]] : nil
    }

    public func customer(id: String) -> CustomerSummary? {
        indexById[id].map { customers[$0] }
    }

    /// The row showing customer `id`, if it is shown.
    public func row(of id: String) -> Int? {
        guard let index = indexById[id] else { return nil }
        let position = insertionPoint(of: index, in: rows)
        return position < rows.count && rows[position] == index ? position : nil
    }

    public mutating func replaceAll(_ list: [CustomerSummary]) {
        customers = list
        search = CustomerSearchIndex(list)
        blocked = Bitmap(list.indices.filter { list[$0].blocked }, count: list.count)
        indexById = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        orders = SortOrders(list)
        matches.rescan(search: search, blocked: blocked)
        showAll()
    }

    public mutating func setSort(_ newSort: CustomerSort?) {
        guard newSort != sort else { return }
        sort = newSort
        showAll()
    }

    public mutating func setFilter(_ text: String) {
        switch matches.set(CustomerFilter(text), search: search, blocked: blocked) {
        case .unchanged: break
        case .narrowed: rows.removeAll { !matches.accepted[$0] }
        case .replaced: showAll()
        }
    }

    public mutating func setScope(_ newScope: Scope) {
        guard newScope != scope else { return }
        scope = newScope
        showAll()
    }

    /// Adds new customers and moves changed ones to where the sort puts them.
    public mutating func upsert(_ changed: [CustomerSummary]) {
        var moved: [Int] = []
        for customer in changed {
            if let index = indexById[customer.id] {
                guard customers[index] != customer else { continue }
                customers[index] = customer
                blocked[index] = customer.blocked
                search.replace(index, with: customer)
                if !moved.contains(index) { moved.append(index) }
            } else {
                let index = customers.count
                customers.append(customer)
                blocked.append(customer.blocked)
                search.append(customer)
                indexById[customer.id] = index
                moved.append(index)
            }
        }
        guard !moved.isEmpty else { return }
        orders.update(moved, customers)
        matches.update(moved, search: search, blocked: blocked)
        rows = SortOrders.merge(rows, removing: Bitmap(moved, count: customers.count), inserting: moved.filter(isShown), by: precedes)
    }

    private func isShown(_ index: Int) -> Bool {
        matches.accepted[index] && (scope == .all || blocked[index])
    }

    private mutating func showAll() {
        var shown: [Int] = []
        shown.reserveCapacity(customers.count)
        orders.forEach(in: sort, count: customers.count) { index in
            if isShown(index) { shown.append(index) }
        }
        rows = shown
    }

    /// A total order: the sort column, then the original position.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        guard let sort else { return a < b }
        let (first, second) = sort.direction == .ascending ? (a, b) : (b, a)
        return sort.column.ascending(customers[first], customers[second]) ?? (first < second)
    }

    private func insertionPoint(of index: Int, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(list[mid], index) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
