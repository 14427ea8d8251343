import Foundation
import GRDB

extension DeskStore {
    /// Every customer in the order added, by column (see `CustomerTable`). Texts are copied from
    /// SQLite's row buffers straight into the table: no `String` per field, no object per row.
    public func customerTable() throws -> CustomerTable {
        try pool.read { db in
            var table = CustomerTable()
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            table.reserveCapacity(total)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT email, id, externalId, description, blocked, origin, purseCount, pendingDeposits, lastDepositAt
                FROM customer ORDER BY rowid
                """)
            while let row = try rows.next() {
                var record = table.beginTexts()
                for column in 0..<4 {
                    try row.withUnsafeData(atIndex: column) { data in
                        guard let data else { return table.addText(nil, to: &record) }
                        data.withUnsafeBytes { table.addText($0, to: &record) }
                    }
                }
                table.appendRecord(record, blocked: row[4] as Bool?, origin: CustomerOrigin(rawValue: row[5]) ?? .discovered,
                                   purseCount: row[6], pendingDeposits: row[7], lastDepositAt: row[8])
                if table.count == 4096 { table.reserveTexts(forTotal: total) }
            }
            return table
        }
    }

    /// The first customers in the order added, and those of the latest deposits (whom the feeds
    /// name), for the first frame while the whole table loads.
    public func previewCustomers(limit: Int) throws -> [CustomerSummary] {
        try pool.read { db in
            let first = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM customer ORDER BY rowid LIMIT ?"), arguments: [limit])
            let named = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM customer WHERE id IN (SELECT customerId FROM deposit ORDER BY updatedAt DESC LIMIT ?)
                """), arguments: [limit])
            var seen = Set<String>()
            return (first + named).map(Self.customerSummary).filter { seen.insert($0.id).inserted }
        }
    }
}
