import CalypsoAPI
import Foundation
import GRDB

extension DeskStore {
    /// What is stored of a transaction, to decide whether an observation is news.
    public struct DepositSnapshot: Sendable, Hashable {
        public var state: TransactionState
        public var compliance: ComplianceState
        public var credited: Bool
        public var customerId: String?
    }

    /// Merges observations of transactions into the store in one transaction and returns the
    /// events they caused. States never move backwards and credit is never withdrawn, so a late
    /// or repeated report changes nothing.
    @discardableResult
    public func apply(_ observations: [TransactionObservation], source: ObservationSource, at now: Date = Date()) throws -> [DeskEvent] {
        guard !observations.isEmpty else { return [] }
        return try pool.write { db in
            var events: [DeskEvent] = []
            var touchedCustomers = Set<String>()
            for observation in observations {
                events += try Self.apply(db, observation, source: source, at: now, touched: &touchedCustomers)
            }
            for customerId in touchedCustomers { try Self.refreshDepositFigures(db, customerId: customerId) }
            return events
        }
    }

    static func apply(_ db: Database, _ observation: TransactionObservation, source: ObservationSource, at now: Date,
                      touched: inout Set<String>) throws -> [DeskEvent] {
        var events: [DeskEvent] = []
        let customerId = try observation.customerId ?? purseOwner(db, purseId: observation.purseId, address: observation.address)
        if let customerId {
            events += try ensureCustomer(db, id: customerId, origin: source == .webhook ? .webhook : .discovered,
                                         blocked: observation.customerBlocked, at: now)
        }
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM deposit WHERE id = ?"), arguments: [observation.id])
            .map(transactionRecord)
        var record: TransactionRecord
        if let existing {
            record = existing
            record.customerId = existing.customerId ?? customerId
            record.purseId = existing.purseId ?? observation.purseId
            record.address = existing.address ?? observation.address
            if existing.currency.isEmpty, let currency = observation.currency { record.currency = currency }
            if existing.amount.isEmpty, let amount = observation.amount { record.amount = amount }
            record.addressFrom = existing.addressFrom ?? observation.addressFrom
            record.hash = existing.hash ?? observation.hash
            record.createdAt = existing.createdAt ?? observation.createdAt
            if let state = observation.state, state.progress > existing.state.progress
                || (!existing.state.isKnown && state.isKnown) {
                record.state = state
                record.compliance = observation.compliance ?? existing.compliance
            } else if let compliance = observation.compliance, !existing.compliance.isKnown, compliance.isKnown {
                record.compliance = compliance
            }
            record.credited = existing.credited || (observation.credited ?? false)
        } else {
            record = TransactionRecord(
                id: observation.id, customerId: customerId, purseId: observation.purseId, address: observation.address,
                currency: observation.currency ?? "", amount: observation.amount ?? "", addressFrom: observation.addressFrom,
                hash: observation.hash, state: observation.state ?? .unknown(""), compliance: observation.compliance ?? .unknown(""),
                credited: observation.credited ?? false, createdAt: observation.createdAt ?? now, firstSeenAt: now, updatedAt: now)
        }
        var compared = record
        compared.updatedAt = existing?.updatedAt ?? now
        if let existing, compared == existing { return events }
        record.updatedAt = now

        try db.cachedStatement(sql: """
            INSERT INTO deposit (id, customerId, purseId, address, currency, amount, addressFrom, hash, state, compliance, credited,
                                 settled, createdAt, firstSeenAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET customerId = excluded.customerId, purseId = excluded.purseId, address = excluded.address,
                currency = excluded.currency, amount = excluded.amount, addressFrom = excluded.addressFrom, hash = excluded.hash,
                state = excluded.state, compliance = excluded.compliance, credited = excluded.credited, settled = excluded.settled,
                createdAt = excluded.createdAt, updatedAt = excluded.updatedAt
            """).execute(arguments: [record.id, record.customerId, record.purseId, record.address, record.currency, record.amount,
                             record.addressFrom, record.hash, record.state.rawValue, record.compliance.rawValue, record.credited,
                             record.isSettled, record.createdAt?.storeValue, record.firstSeenAt.storeValue, now.storeValue])

        let stateMoved = existing.map { $0.state != record.state || $0.compliance != record.compliance || $0.credited != record.credited } ?? true
        if stateMoved {
            try db.cachedStatement(sql: """
                INSERT INTO deposit_state (transactionId, state, compliance, credited, observedAt, source) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [record.id, record.state.rawValue, record.compliance.rawValue, record.credited, now.storeValue,
                                 source.rawValue])
        }
        if let customerId = record.customerId {
            touched.insert(customerId)
            events += try discoverPurse(db, of: record, customerId: customerId, at: now)
        }

        if let existing {
            if existing.state != record.state { events.append(.stateChanged(record, from: existing.state)) }
            if !existing.credited && record.credited { events.append(.credited(record)) }
        } else {
            events.append(.newDeposit(record))
        }
        events += try alerts(db, for: record, previous: existing, observation: observation, at: now)
        return events
    }

    private static func alerts(_ db: Database, for record: TransactionRecord, previous: TransactionRecord?,
                               observation: TransactionObservation, at now: Date) throws -> [DeskEvent] {
        var events: [DeskEvent] = []
        let label = "\(record.amount) \(record.currency)"
        if record.state == .declined && previous?.state != .declined {
            if let alert = try addAlert(db, kind: .complianceDeclined, customerId: record.customerId, transactionId: record.id,
                                        message: "Deposit \(label) declined by compliance", at: now) {
                events.append(.alert(alert))
            }
            if record.purseId != nil || record.address != nil {
                events += try setPurseStatus(db, purseId: record.purseId, address: record.address, status: .declined, at: now)
            }
        }
        if record.state == .confirmed && previous?.state != .confirmed {
            let storedBlocked = try record.customerId.flatMap {
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT blocked FROM customer WHERE id = ?"), arguments: [$0])
            }
            let blocked = observation.customerBlocked ?? storedBlocked ?? false
            if blocked, let alert = try addAlert(db, kind: .fundsForBlockedCustomer, customerId: record.customerId,
                                                 transactionId: record.id, message: "Funds \(label) received for a blocked customer", at: now) {
                events.append(.alert(alert))
            }
        }
        return events
    }

    /// A deposit proves its purse exists: record it (active) until the purse list says more.
    private static func discoverPurse(_ db: Database, of record: TransactionRecord, customerId: String, at now: Date) throws -> [DeskEvent] {
        guard let purseId = record.purseId, !record.currency.isEmpty,
              try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM purse WHERE purseId = ? AND currency = ?"), arguments: [purseId, record.currency]) != true
        else { return [] }
        let purse = Purse(id: purseId, address: record.address, currency: Currency(record.currency), status: .pendingPayment)
        let events = try upsertPurse(db, purse, customerId: customerId, at: now)
        try refreshPurseCount(db, customerId: customerId)
        return events
    }

    private static func purseOwner(_ db: Database, purseId: String?, address: String?) throws -> String? {
        guard purseId != nil || address != nil else { return nil }
        return try String.fetchOne(db.cachedStatement(sql: "SELECT customerId FROM purse WHERE purseId = ? OR address = ? LIMIT 1"),
                                   arguments: [purseId, address])
    }

    static func refreshDepositFigures(_ db: Database, customerId: String) throws {
        try db.cachedStatement(sql: """
            UPDATE customer SET
                pendingDeposits = (SELECT count(*) FROM deposit WHERE customerId = ?1
                                   AND state IN ('MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK')),
                lastDepositAt = (SELECT max(createdAt) FROM deposit WHERE customerId = ?1),
                lastActivityAt = (SELECT max(updatedAt) FROM deposit WHERE customerId = ?1)
            WHERE id = ?1
            """).execute(arguments: [customerId])
        try refreshPurseFacts(db, customerId: customerId)
    }

    // MARK: Reads

    public func snapshots(ids: [String]) throws -> [String: DepositSnapshot] {
        guard !ids.isEmpty else { return [:] }
        return try pool.read { db in
            var result: [String: DepositSnapshot] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                // Prepared once per page size: the sync asks this for every page it fetches.
                let statement = try db.cachedStatement(
                    sql: "SELECT id, state, compliance, credited, customerId FROM deposit WHERE id IN (\(placeholders))")
                for row in try Row.fetchAll(statement, arguments: StatementArguments(chunk)) {
                    result[row["id"]] = DepositSnapshot(state: TransactionState(row["state"] as String),
                                                        compliance: ComplianceState(row["compliance"] as String),
                                                        credited: row["credited"], customerId: row["customerId"])
                }
            }
            return result
        }
    }

    /// Creation time of the oldest deposit that may still change (not declined, not credited).
    public func oldestOpenDepositDate(customerId: String? = nil) throws -> Date? {
        try pool.read { db in
            if let customerId {
                let statement = try db.cachedStatement(sql: "SELECT min(createdAt) FROM deposit WHERE settled = 0 AND customerId = ?")
                return Date(storeValue: try Double.fetchOne(statement, arguments: [customerId]))
            }
            return Date(storeValue: try Double.fetchOne(db.cachedStatement(sql: "SELECT min(createdAt) FROM deposit WHERE settled = 0")))
        }
    }

    public func transactions(customerId: String, limit: Int = 500) throws -> [TransactionRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deposit WHERE customerId = ? ORDER BY createdAt DESC LIMIT ?",
                             arguments: [customerId, limit]).map(Self.transactionRecord)
        }
    }

    public func recentTransactions(limit: Int) throws -> [TransactionRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deposit ORDER BY updatedAt DESC LIMIT ?", arguments: [limit]).map(Self.transactionRecord)
        }
    }

    public func transaction(id: String) throws -> TransactionRecord? {
        try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM deposit WHERE id = ?"), arguments: [id]).map(Self.transactionRecord)
        }
    }

    public func allTransactions() throws -> [TransactionRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM deposit ORDER BY id").map(Self.transactionRecord) }
    }

    public func stateChanges(transactionId: String) throws -> [StateChangeRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deposit_state WHERE transactionId = ? ORDER BY seq", arguments: [transactionId]).map {
                StateChangeRecord(transactionId: $0["transactionId"], state: TransactionState($0["state"] as String),
                                  compliance: ComplianceState($0["compliance"] as String), credited: $0["credited"],
                                  observedAt: Date(storeValue: $0["observedAt"]) ?? Date(timeIntervalSince1970: 0),
                                  source: ObservationSource(rawValue: $0["source"]) ?? .poll)
            }
        }
    }

    static func transactionRecord(_ row: Row) -> TransactionRecord {
        TransactionRecord(
            id: row["id"], customerId: row["customerId"], purseId: row["purseId"], address: row["address"],
            currency: row["currency"], amount: row["amount"], addressFrom: row["addressFrom"], hash: row["hash"],
            state: TransactionState(row["state"] as String), compliance: ComplianceState(row["compliance"] as String),
            credited: row["credited"], createdAt: Date(storeValue: row["createdAt"]),
            firstSeenAt: Date(storeValue: row["firstSeenAt"]) ?? Date(timeIntervalSince1970: 0),
            updatedAt: Date(storeValue: row["updatedAt"]) ?? Date(timeIntervalSince1970: 0))
    }
}

extension DeskStore {
    /// Ids of deposits that may still change, created before `date`, oldest first.
    public func openTransactionIds(createdBefore date: Date, limit: Int) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM deposit WHERE settled = 0 AND createdAt < ? ORDER BY createdAt LIMIT ?"),
                                arguments: [date.storeValue, limit])
        }
    }
}
