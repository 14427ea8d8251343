import DeskModel

/// Every column's ascending order of customers (indices, ties by index), computed when the customers
/// are loaded and kept up to date, so changing the sort only walks an order. Descending is the same
/// order backwards: it compares with the arguments swapped, ties included.
struct SortOrders: Sendable {
    private var ascending: [[Int32]]

    init(_ customers: [CustomerSummary]) {
        ascending = CustomerColumn.allCases.map { $0.ascendingOrder(customers) }
    }

    /// Calls `body` with each customer index in `sort` order (index order when nil).
    func forEach(in sort: CustomerSort?, count: Int, _ body: (Int) -> Void) {
        guard let sort else {
            for index in 0..<count { body(index) }
            return
        }
        let order = ascending[sort.column.rawValue]
        if sort.direction == .ascending {
            for index in order { body(Int(index)) }
        } else {
            for index in order.reversed() { body(Int(index)) }
        }
    }

    /// Moves `changed` customers (added ones included) to where each column's order puts them now.
    mutating func update(_ changed: [Int], _ customers: [CustomerSummary]) {
        let removed = Bitmap(changed, count: customers.count)
        for column in CustomerColumn.allCases {
            let precedes = { (a: Int, b: Int) in column.ascending(customers[a], customers[b]) ?? (a < b) }
            ascending[column.rawValue] = Self.merge(ascending[column.rawValue], removing: removed, inserting: changed, by: precedes)
        }
    }

    /// `list` (in `precedes` order) without the `removed` elements, with `inserted` merged in where `precedes` puts them.
    static func merge<Element: BinaryInteger>(_ list: [Element], removing removed: Bitmap, inserting inserted: [Int],
                                              by precedes: (Int, Int) -> Bool) -> [Element] {
        let kept = list.filter { Int($0) >= removed.count || !removed[Int($0)] }
        var merged: [Element] = []
        merged.reserveCapacity(kept.count + inserted.count)
        var copied = 0
        for index in inserted.sorted(by: precedes) {
            var low = copied, high = kept.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(Int(kept[mid]), index) { low = mid + 1 } else { high = mid }
            }
            merged += kept[copied..<low]
            merged.append(Element(index))
            copied = low
        }
        merged += kept[copied...]
        return merged
    }
}
