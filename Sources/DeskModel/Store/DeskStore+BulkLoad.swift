import CalypsoAPI
import Foundation
import GRDB

extension DeskStore {
    /// Loads customers and their settled history in one transaction, bypassing the per-event
    /// merge (no events, no alerts). For small seeds (tests); a large new store is filled with
    /// `DeskStore.fillNew(path:…)`.
    public func bulkLoad(customers: [Customer], transactions: [Transaction], at now: Date = Date()) throws {
        try pool.write { db in
            let statements = try BulkStatements(db, at: now)
            for customer in customers { try statements.insert(customer) }
            for tx in transactions {
                try statements.insert(TransactionRecord(
                    id: tx.id, customerId: tx.customerId, purseId: tx.purseId, address: tx.address, currency: tx.currency.rawValue,
                    amount: tx.amount.description, addressFrom: tx.addressFrom, hash: tx.transactionHash, state: tx.transactionState,
                    compliance: tx.complianceState, credited: tx.translationToAccountCompleted, createdAt: tx.createdDate,
                    firstSeenAt: now, updatedAt: now))
            }
            try BulkStatements.refreshDepositFigures(db)
        }
    }

    public struct BulkLoadProgress: Sendable {
        public enum Phase: String, Sendable {
            case customers, deposits, indexes, figures
        }

        public var phase: Phase
        public var rows: Int
    }

    /// Creates and fills a new store (nothing may exist at `path`) with many customers and their deposits (store rows) as fast as SQLite
    /// writes: the sequences are read in chunks (one transaction each, statements prepared once),
    /// the secondary indexes are dropped during the load and built afterwards (a sort instead of
    /// millions of random inserts), and the journal and fsyncs are off during the load only; the
    /// store is back in WAL mode afterwards. A failed load deletes the store, which could be
    /// half-written. Memory stays flat: nothing is held beyond one chunk.
    public static func fillNew(
        path: String, customers: some Sequence<Customer>, deposits: some Sequence<TransactionRecord>, chunkSize: Int = 50_000,
        at now: Date = Date(), progress: (BulkLoadProgress) -> Void = { _ in }
    ) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreExists(path: path) }
        do {
            try StoreSchema.migrator.migrate(try DatabaseQueue(path: path))
            try load(path: path, customers: customers, deposits: deposits, chunkSize: chunkSize, at: now, progress: progress)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    public struct StoreExists: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) exists; a bulk load makes a new store" }
    }

    private static func load(
        path: String, customers: some Sequence<Customer>, deposits: some Sequence<TransactionRecord>, chunkSize: Int,
        at now: Date, progress: (BulkLoadProgress) -> Void
    ) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name IN ('customer', 'deposit') AND sql IS NOT NULL
                """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }

            try insertInChunks(db, customers, chunkSize: chunkSize, now: now) { statements, customer in try statements.insert(customer) } done: {
                progress(BulkLoadProgress(phase: .customers, rows: $0))
            }
            try insertInChunks(db, deposits, chunkSize: chunkSize, now: now) { statements, deposit in try statements.insert(deposit) } done: {
                progress(BulkLoadProgress(phase: .deposits, rows: $0))
            }
            for (built, index) in indexes.enumerated() {
                try db.execute(sql: index.sql)
                progress(BulkLoadProgress(phase: .indexes, rows: built + 1))
            }
            try db.inTransaction {
                try BulkStatements.refreshDepositFigures(db)
                return .commit
            }
            progress(BulkLoadProgress(phase: .figures, rows: 0))
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try queue.close()
    }

    private static func insertInChunks<Rows: Sequence>(
        _ db: Database, _ rows: Rows, chunkSize: Int, now: Date, insert: (BulkStatements, Rows.Element) throws -> Void,
        done: (Int) -> Void
    ) throws {
        var iterator = rows.makeIterator()
        var written = 0
        var finished = false
        while !finished {
            try db.inTransaction {
                let statements = try BulkStatements(db, at: now)
                for _ in 0..<chunkSize {
                    guard let row = iterator.next() else {
                        finished = true
                        break
                    }
                    try insert(statements, row)
                    written += 1
                }
                return .commit
            }
            done(written)
        }
    }
}

/// The two inserts of a bulk load, prepared once per transaction.
private struct BulkStatements {
    let insertCustomer: Statement
    let insertDeposit: Statement
    let now: Double

    init(_ db: Database, at now: Date) throws {
        insertCustomer = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO customer (id, email, externalId, description, blocked, origin, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, 'imported', ?, ?)
            """)
        insertDeposit = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO deposit (id, customerId, purseId, address, currency, amount, addressFrom, hash, state, compliance,
                                           credited, settled, createdAt, firstSeenAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        self.now = now.storeValue
    }

    func insert(_ customer: Customer) throws {
        try insertCustomer.execute(arguments: [customer.id, customer.email, customer.externalId, customer.description,
                                               customer.blocked, now, now])
    }

    func insert(_ deposit: TransactionRecord) throws {
        try insertDeposit.execute(arguments: [
            deposit.id, deposit.customerId, deposit.purseId, deposit.address, deposit.currency, deposit.amount, deposit.addressFrom,
            deposit.hash, deposit.state.rawValue, deposit.compliance.rawValue, deposit.credited, deposit.isSettled,
            deposit.createdAt?.storeValue, deposit.firstSeenAt.storeValue, deposit.updatedAt.storeValue,
        ])
    }

    /// Each customer's newest deposit time and open deposit count, from the deposits loaded:
    /// aggregated once over the table rather than looked up customer by customer.
    static func refreshDepositFigures(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE customer SET lastDepositAt = newest.at
            FROM (SELECT customerId, max(createdAt) AS at FROM deposit GROUP BY customerId) AS newest
            WHERE newest.customerId = customer.id;
            UPDATE customer SET pendingDeposits = open.n
            FROM (SELECT customerId, count(*) AS n FROM deposit WHERE state IN ('MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK')
                  GROUP BY customerId) AS open
            WHERE open.customerId = customer.id;
            """)
    }
}
