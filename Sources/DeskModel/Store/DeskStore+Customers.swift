import CalypsoAPI
import Foundation
import GRDB

extension DeskStore {
    /// Records what the API said of a customer (a create, update, block or unblock answer, or
    /// the sandbox's truth): its blocked flag is then known. Creates the row when it is new.
    @discardableResult
    public func upsertCustomer(_ customer: Customer, origin: CustomerOrigin, at now: Date = Date()) throws -> [DeskEvent] {
        try pool.write { db in try Self.upsertCustomer(db, customer, blockState: BlockState(known: customer.blocked), origin: origin, at: now) }
    }

    /// Writes the fields given; `blockState` nil keeps what is stored (unknown for a new row).
    static func upsertCustomer(_ db: Database, _ customer: Customer, blockState: BlockState?, origin: CustomerOrigin,
                               at now: Date) throws -> [DeskEvent] {
        if let existing = try fetchCustomer(db, id: customer.id) {
            var updated = existing
            updated.email = customer.email ?? existing.email
            updated.externalId = customer.externalId ?? existing.externalId
            updated.description = customer.description ?? existing.description
            updated.blockState = blockState ?? existing.blockState
            guard updated != existing else { return [] }
            try db.execute(sql: """
                UPDATE customer SET email = ?, externalId = ?, description = ?, blocked = ?, updatedAt = ? WHERE id = ?
                """, arguments: [updated.email, updated.externalId, updated.description, updated.blockState.knownValue,
                                 now.storeValue, customer.id])
            var events: [DeskEvent] = [.customerChanged(updated)]
            if existing.blockState != updated.blockState, let blocked = updated.blockState.knownValue {
                events.append(.customerBlocked(customerId: customer.id, blocked: blocked))
            }
            return events
        }
        try db.execute(sql: """
            INSERT INTO customer (id, email, externalId, description, blocked, origin, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [customer.id, customer.email, customer.externalId, customer.description, blockState?.knownValue,
                             origin.rawValue, now.storeValue, now.storeValue])
        return try fetchCustomer(db, id: customer.id).map { [.customerAdded($0)] } ?? []
    }

    /// Inserts customers known only by id (seen in a deposit or webhook); existing rows are
    /// untouched except for a blocked flag the source reported.
    static func ensureCustomer(_ db: Database, id: String, origin: CustomerOrigin, blocked: Bool?, at now: Date) throws -> [DeskEvent] {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM customer WHERE id = ?"), arguments: [id]) == true {
            guard let blocked, let existing = try fetchCustomer(db, id: id), existing.blockState.knownValue != blocked else { return [] }
            try db.execute(sql: "UPDATE customer SET blocked = ?, updatedAt = ? WHERE id = ?", arguments: [blocked, now.storeValue, id])
            return [.customerBlocked(customerId: id, blocked: blocked)]
        }
        return try upsertCustomer(db, Customer(id: id), blockState: blocked.map { BlockState(known: $0) }, origin: origin, at: now)
    }

    /// Removes a customer and everything stored about them, locally only.
    @discardableResult
    public func forgetCustomer(id: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM deposit_state WHERE transactionId IN (SELECT id FROM deposit WHERE customerId = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM deposit WHERE customerId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM purse WHERE customerId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func customer(id: String) throws -> CustomerSummary? {
        try pool.read { db in try Self.fetchCustomer(db, id: id) }
    }

    /// Every customer, for the in-memory list the dashboard filters and sorts. Read through a
    /// cursor with positional columns: at 100k customers, named lookups and an intermediate array
    /// of rows cost more than the query.
    public func customerSummaries() throws -> [CustomerSummary] {
        try pool.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            var summaries: [CustomerSummary] = []
            summaries.reserveCapacity(count)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, email, externalId, description, blocked, origin, purseCount, pendingDeposits, lastDepositAt, lastSyncedAt
                FROM customer ORDER BY rowid
                """)
            while let row = try rows.next() {
                summaries.append(CustomerSummary(
                    id: row[0], email: row[1], externalId: row[2], description: row[3], blocked: row[4] as Bool?,
                    origin: CustomerOrigin(rawValue: row[5]) ?? .discovered, purseCount: row[6], pendingDeposits: row[7],
                    lastDepositAt: Date(storeValue: row[8]), lastSyncedAt: Date(storeValue: row[9])))
            }
            return summaries
        }
    }

    public func customerIds() throws -> [String] {
        try pool.read { db in try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM customer ORDER BY id")) }
    }

    /// Customers with the most recent deposits or changes, newest first.
    public func recentlyActiveCustomerIds(limit: Int) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM customer WHERE lastActivityAt IS NOT NULL ORDER BY lastActivityAt DESC LIMIT ?
                """), arguments: [limit])
        }
    }

    public func markSynced(customerId: String, at now: Date) throws {
        try pool.write { db in
            try db.cachedStatement(sql: "UPDATE customer SET lastSyncedAt = ? WHERE id = ?").execute(arguments: [now.storeValue, customerId])
        }
    }

    static func fetchCustomer(_ db: Database, id: String) throws -> CustomerSummary? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?"), arguments: [id]).map(customerSummary)
    }

    static func customerSummary(_ row: Row) -> CustomerSummary {
        CustomerSummary(
            id: row["id"], email: row["email"], externalId: row["externalId"], description: row["description"],
            blocked: row["blocked"] as Bool?, origin: CustomerOrigin(rawValue: row["origin"]) ?? .discovered,
            purseCount: row["purseCount"], pendingDeposits: row["pendingDeposits"],
            lastDepositAt: Date(storeValue: row["lastDepositAt"]), lastSyncedAt: Date(storeValue: row["lastSyncedAt"]))
    }

    public func counts() throws -> StoreCounts {
        try pool.read { db in
            var counts = StoreCounts()
            counts.customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            counts.blocked = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE blocked = 1") ?? 0
            counts.blockedUnknown = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE blocked IS NULL") ?? 0
            counts.pendingDeposits = try Int.fetchOne(db, sql: "SELECT coalesce(sum(pendingDeposits), 0) FROM customer") ?? 0
            counts.transactions = try Int.fetchOne(db, sql: "SELECT count(*) FROM deposit") ?? 0
            counts.unacknowledgedAlerts = try Int.fetchOne(db, sql: "SELECT count(*) FROM alert WHERE acknowledgedAt IS NULL") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT status, count(DISTINCT purseId) AS n FROM purse GROUP BY status") {
                counts.pursesByStatus[row["status"]] = row["n"]
            }
            return counts
        }
    }
}
