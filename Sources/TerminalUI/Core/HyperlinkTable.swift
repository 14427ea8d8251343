import Foundation

/// Every hyperlink drawn so far, each under a small number, so a `Style` (and so a `Cell`) holds
/// the number instead of the URI string: cells stay plain data that buffers copy, compare and
/// release without reference counting. The same link always gets the same number, so comparing
/// numbers compares links. Links are interned for the life of the process; a dashboard draws a
/// few per visible row, so the table grows with what was shown, a few bytes per link.
enum HyperlinkTable {
    /// 0 means "no link".
    typealias ID = UInt32

    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var links: [Hyperlink] = []
        var ids: [Hyperlink: ID] = [:]

        func withLock<Result>(_ body: (Table) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(self)
        }
    }

    private static let table = Table()

    static func id(of link: Hyperlink?) -> ID {
        guard let link else { return 0 }
        return table.withLock { table in
            if let id = table.ids[link] { return id }
            table.links.append(link)
            let id = ID(table.links.count)
            table.ids[link] = id
            return id
        }
    }

    static func link(_ id: ID) -> Hyperlink? {
        guard id != 0 else { return nil }
        return table.withLock { $0.links[Int(id) - 1] }
    }
}
