import CalypsoAPI
import DeskModel

/// Every customer in memory, by column (`CustomerTable`: no object per customer), with the
/// filtered, sorted rows the table shows. A column's order is computed the first time the list is
/// sorted by it and kept ready; a longer filter re-checks only the rows it showed; a changed
/// customer is merged into each order instead of re-sorting everything.
///
/// A large list does not filter or sort inside a keystroke: `setFilter`, `setSort` and `setScope`
/// record what is `wanted`, the shell hands a copy to a background command (`pendingWork`), and
/// `adopt` takes the computed rows back. The rows keep showing the previous result meanwhile.
public struct CustomerList: Sendable {
    public enum Scope: Hashable, Sendable {
        case all, blockedOnly
    }

    /// What the rows show: filter, sort and scope.
    public struct Query: Hashable, Sendable {
        public var filter = CustomerFilter("")
        public var sort: CustomerSort?
        public var scope = Scope.all
    }

    /// Lists at least this long filter and sort in the background.
    public static let backgroundSize = 50_000
    /// Customers read for the first frame before the whole table.
    public static let previewSize = 200

    private var search = CustomerSearchIndex(CustomerTable())
    private var blocked = BlockStates(CustomerTable())
    private var ids = CustomerIdIndex(CustomerTable())
    private var orders = SortOrders()
    private var matches = FilterMatches(count: 0)
    /// The rows shown: indices into the table, in sort order, matching the filter and scope.
    private var rows: [Int32] = []
    /// What `rows` show.
    public private(set) var shown = Query()
    /// What was asked for; differs from `shown` while the rows are computed in the background.
    public private(set) var wanted = Query()
    /// New whenever the customers change (unique in the process, across lists and accounts), so rows
    /// computed from an older copy are never taken.
    private var version = 0
    private static let versions = Locked(0)

    private static func nextVersion() -> Int { versions.withLock { $0 += 1; return $0 } }
    /// Set while a copy is computing `wanted` in the background.
    private var computing: Query?
    /// This list filters and sorts in the background from this many customers on (tests lower it).
    var backgroundThreshold = CustomerList.backgroundSize
    /// Only the first customers, shown while the whole table loads.
    public private(set) var isPreview = false

    public init(_ customers: [CustomerSummary] = []) {
        replaceAll(customers)
    }

    /// Every customer in `table`, nothing filtered, in the order added.
    public init(table: CustomerTable) {
        replaceAll(table)
    }

    private var table: CustomerTable { search.table }
    public var count: Int { table.count }
    public var rowCount: Int { rows.count }
    public var filter: CustomerFilter { wanted.filter }
    public var sort: CustomerSort? { wanted.sort }
    public var scope: Scope { wanted.scope }
    /// The rows still show an earlier filter, sort or scope.
    public var isComputing: Bool { wanted != shown }

    public func customer(atRow row: Int) -> CustomerSummary? {
        rows.indices.contains(row) ? table.summary(at: Int(rows[row])) : nil
    }

    /// Every customer in the order added, each made from the columns: for checks over a small list.
    var allSummaries: [CustomerSummary] { (0..<count).map(table.summary(at:)) }

    /// The id alone of the customer at `row`, without making the whole summary.
    public func id(atRow row: Int) -> String? {
        rows.indices.contains(row) ? table.text(.id, of: Int(rows[row])) : nil
    }

    public func customer(id: String) -> CustomerSummary? {
        ids.index(of: id, in: table).map(table.summary(at:))
    }

    /// The row showing customer `id`, if it is shown.
    public func row(of id: String) -> Int? {
        guard let index = ids.index(of: id, in: table) else { return nil }
        let position = insertionPoint(of: index, in: rows)
        return position < rows.count && rows[position] == index ? position : nil
    }

    /// What a background computation of this copy is: its customers' version and the query.
    var workKey: WorkKey { WorkKey(version: version, query: wanted) }

    struct WorkKey: Hashable {
        var version: Int
        var query: Query
    }

    /// Bytes held by the list and its indexes.
    public var byteCount: Int {
        table.byteCount + ids.byteCount + orders.byteCount + rows.capacity * 4 + count * 4
    }

    public mutating func replaceAll(_ list: [CustomerSummary]) {
        replaceAll(CustomerTable(list))
    }

    /// The first customers only, until the whole table arrives.
    public mutating func showPreview(_ list: [CustomerSummary]) {
        replaceAll(CustomerTable(list))
        isPreview = true
    }

    public mutating func replaceAll(_ newTable: CustomerTable) {
        search = CustomerSearchIndex(newTable)
        blocked = BlockStates(newTable)
        ids = CustomerIdIndex(newTable)
        orders = SortOrders()
        matches = FilterMatches(count: newTable.count)
        version = Self.nextVersion()
        isPreview = false
        computing = nil
        shown = Query()
        rows = Array(0..<Int32(newTable.count))
        if count < backgroundThreshold { computeWanted() }
    }

    /// Takes a whole table loaded (and indexed) in the background, keeping what is wanted.
    public mutating func adoptLoaded(_ loaded: CustomerList) {
        let keep = wanted
        self = loaded
        version = Self.nextVersion()
        wanted = keep
        if count < backgroundThreshold { computeWanted() }
    }

    public mutating func setSort(_ newSort: CustomerSort?) {
        guard newSort != wanted.sort else { return }
        wanted.sort = newSort
        if count < backgroundThreshold { computeWanted() }
    }

    public mutating func setFilter(_ text: String) {
        let next = CustomerFilter(text)
        guard next.terms != wanted.filter.terms else { return }
        wanted.filter = next
        if count < backgroundThreshold { computeWanted() }
    }

    public mutating func setScope(_ newScope: Scope) {
        guard newScope != wanted.scope else { return }
        wanted.scope = newScope
        if count < backgroundThreshold { computeWanted() }
    }

    /// Background work to start now, if any: a copy of this list that computes `wanted` (`computed()`).
    public mutating func pendingWork() -> CustomerList? {
        guard wanted != shown, computing == nil else { return nil }
        computing = wanted
        return self
    }

    /// This copy with its rows computed for what it wanted. Runs off the UI thread.
    public func computed() -> CustomerList {
        var copy = self
        copy.computeWanted()
        return copy
    }

    /// Takes rows computed by `computed()` on a copy, unless the customers changed since the copy was made.
    /// Returns whether they were taken.
    @discardableResult
    public mutating func adopt(_ result: CustomerList) -> Bool {
        computing = nil
        guard result.version == version, result.shown == result.wanted else { return false }
        let keep = wanted
        orders = result.orders
        matches = result.matches
        rows = result.rows
        shown = result.shown
        wanted = keep
        return true
    }

    /// Brings the rows to `wanted`, here and now.
    private mutating func computeWanted() {
        let target = wanted
        orders.prepare(for: target.sort, table)
        let filterChange = matches.set(target.filter, search: search, blocked: blocked)
        if target.sort == shown.sort, target.scope == shown.scope, filterChange == .narrowed {
            let accepted = matches.accepted
            rows.removeAll { !accepted[Int($0)] }
        } else if target.sort != shown.sort || target.scope != shown.scope || filterChange != .unchanged {
            shown = target
            showAll()
        }
        shown = target
    }

    /// Adds new customers and moves changed ones to where the sort puts them.
    public mutating func upsert(_ changed: [CustomerSummary]) {
        var moved: [Int] = []
        for customer in changed {
            if let index = ids.index(of: customer.id, in: table) {
                guard !table.summary(at: index).listsTheSame(as: customer) else { continue }
                search.replace(index, with: customer)
                blocked[index] = customer.blockState
                if !moved.contains(index) { moved.append(index) }
            } else {
                let index = count
                search.append(customer)
                blocked.append(customer.blockState)
                ids.insert(index, table)
                moved.append(index)
            }
        }
        guard !moved.isEmpty else { return }
        version = Self.nextVersion()
        orders.update(moved, table)
        matches.update(moved, search: search, blocked: blocked)
        rows = SortOrders.merge(rows, removing: Bitmap(moved, count: count), inserting: moved.filter(isShown), by: precedes)
    }

    private func isShown(_ index: Int) -> Bool {
        matches.accepted[index] && (shown.scope == .all || blocked[index] == .blocked)
    }

    private mutating func showAll() {
        var shownRows: [Int32] = []
        shownRows.reserveCapacity(shown.filter.isEmpty && shown.scope == .all ? count : 1024)
        orders.forEach(in: shown.sort, count: count) { index in
            if isShown(index) { shownRows.append(Int32(index)) }
        }
        rows = shownRows
    }

    /// A total order: the sort column, then the original position.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        guard let sort = shown.sort else { return a < b }
        let (first, second) = sort.direction == .ascending ? (a, b) : (b, a)
        return sort.column.ascending(table, first, second) ?? (first < second)
    }

    private func insertionPoint(of index: Int, in list: [Int32]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(Int(list[mid]), index) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// A copy of a large customer list on its way to a background command; the same work compares equal.
public struct CustomerListWork: Hashable, Sendable {
    public let list: CustomerList

    public init(_ list: CustomerList) {
        self.list = list
    }

    /// The rows for what the copy wanted.
    public func computed() -> CustomerListWork { CustomerListWork(list.computed()) }

    public static func == (a: Self, b: Self) -> Bool { a.list.workKey == b.list.workKey }
    public func hash(into hasher: inout Hasher) { hasher.combine(list.workKey) }
}
