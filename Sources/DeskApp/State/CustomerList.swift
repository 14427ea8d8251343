import DeskModel

/// Every customer in memory with the filtered, sorted rows the table shows. Sorting happens once
/// per sort change; a longer filter narrows the previous result; a changed customer is moved by
/// binary search instead of re-sorting everything.
public struct CustomerList: Sendable {
    public enum Scope: Hashable, Sendable {
        case all, blockedOnly
    }

    public private(set) var customers: [CustomerSummary] = []
    private var search: [CustomerSearchFields] = []
    private var indexById: [String: Int] = [:]
    /// Indices into `customers` in sort order.
    private var sorted: [Int] = []
    /// The rows shown: indices into `customers`, in sort order, matching the filter and scope.
    public private(set) var rows: [Int] = []
    public private(set) var sort: CustomerSort?
    public private(set) var filter = CustomerFilter("")
    public private(set) var scope = Scope.all

    public init(_ customers: [CustomerSummary] = []) {
        replaceAll(customers)
    }

    public var count: Int { customers.count }

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
        search = list.map(CustomerSearchFields.init)
        indexById = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        resort()
    }

    public mutating func setSort(_ newSort: CustomerSort?) {
        guard newSort != sort else { return }
        sort = newSort
        resort()
    }

    public mutating func setFilter(_ text: String) {
        let next = CustomerFilter(text)
        guard next != filter else { return }
        let previous = filter
        filter = next
        rows = next.narrows(previous) ? rows.filter(isShown) : sorted.filter(isShown)
    }

    public mutating func setScope(_ newScope: Scope) {
        guard newScope != scope else { return }
        scope = newScope
        rows = sorted.filter(isShown)
    }

    /// Adds new customers and moves changed ones to where the sort puts them.
    public mutating func upsert(_ changed: [CustomerSummary]) {
        for customer in changed {
            if let index = indexById[customer.id] {
                guard customers[index] != customer else { continue }
                remove(index, from: &sorted)
                if isShown(index) { remove(index, from: &rows) }
                customers[index] = customer
                search[index] = CustomerSearchFields(customer)
                insert(index, into: &sorted)
                if isShown(index) { insert(index, into: &rows) }
            } else {
                let index = customers.count
                customers.append(customer)
                search.append(CustomerSearchFields(customer))
                indexById[customer.id] = index
                insert(index, into: &sorted)
                if isShown(index) { insert(index, into: &rows) }
            }
        }
    }

    private func isShown(_ index: Int) -> Bool {
        if scope == .blockedOnly && !customers[index].blocked { return false }
        return filter.isEmpty || filter.matches(search[index], blocked: customers[index].blocked)
    }

    private mutating func resort() {
        sorted = Array(customers.indices)
        if sort != nil { sorted.sort(by: precedes) }
        rows = sorted.filter(isShown)
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

    private func insert(_ index: Int, into list: inout [Int]) {
        list.insert(index, at: insertionPoint(of: index, in: list))
    }

    private func remove(_ index: Int, from list: inout [Int]) {
        let position = insertionPoint(of: index, in: list)
        if position < list.count, list[position] == index { list.remove(at: position) }
    }
}
