import DeskModel

/// Columns' ascending orders of customers (indices, ties by index), each computed the first time
/// the list is sorted by it and then kept up to date, so changing back to a sort only walks an
/// order. Descending is the same order backwards: it compares with the arguments swapped, ties included.
struct SortOrders: Sendable {
    private var ascending: [[Int32]?] = Array(repeating: nil, count: CustomerColumn.allCases.count)

    init() {}

    func isReady(for sort: CustomerSort?) -> Bool {
        sort.map { ascending[$0.column.rawValue] != nil } ?? true
    }

    /// Computes the order `sort` needs, when it is not there yet.
    mutating func prepare(for sort: CustomerSort?, _ table: CustomerTable) {
        guard let column = sort?.column, ascending[column.rawValue] == nil else { return }
        ascending[column.rawValue] = column.ascendingOrder(table)
    }

    /// Calls `body` with each customer index in `sort` order (index order when nil); the order must be prepared.
    func forEach(in sort: CustomerSort?, count: Int, _ body: (Int) -> Void) {
        guard let sort, let order = ascending[sort.column.rawValue] else {
            for index in 0..<count { body(index) }
            return
        }
        if sort.direction == .ascending {
            for index in order { body(Int(index)) }
        } else {
            for index in order.reversed() { body(Int(index)) }
        }
    }

    /// Moves `changed` customers (added ones included) to where each prepared column's order puts them now.
    mutating func update(_ changed: [Int], _ table: CustomerTable) {
        let removed = Bitmap(changed, count: table.count)
        for column in CustomerColumn.allCases {
            guard let order = ascending[column.rawValue] else { continue }
            let precedes = { (a: Int, b: Int) in column.ascending(table, a, b) ?? (a < b) }
            ascending[column.rawValue] = Self.merge(order, removing: removed, inserting: changed, by: precedes)
        }
    }

    var byteCount: Int { ascending.reduce(0) { $0 + ($1?.capacity ?? 0) * 4 } }

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
