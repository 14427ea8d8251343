import CalypsoAPI
import Foundation
import GRDB

extension DeskStore {
    /// Records a customer's purses as the API listed them; returns new addresses and status changes.
    @discardableResult
    public func recordPurses(_ purses: [Purse], customerId: String, at now: Date = Date()) throws -> [DeskEvent] {
        try pool.write { db in
            var events = try Self.ensureCustomer(db, id: customerId, origin: .discovered, blocked: nil, at: now)
            for purse in purses { events += try Self.upsertPurse(db, purse, customerId: customerId, at: now) }
            try Self.refreshPurseCount(db, customerId: customerId)
            try Self.refreshPurseFacts(db, customerId: customerId)
            return events
        }
    }

    static func upsertPurse(_ db: Database, _ purse: Purse, customerId: String, at now: Date) throws -> [DeskEvent] {
        guard let purseId = purse.id ?? purse.address else { return [] }
        let currencies = purse.currency.map { [$0.rawValue] } ?? purse.currencies?.map(\.rawValue) ?? [""]
        var events: [DeskEvent] = []
        for currency in currencies {
            let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM purse WHERE purseId = ? AND currency = ?"),
                                            arguments: [purseId, currency]).map(purseRecord)
            let status = purse.status ?? existing?.status ?? .pendingPayment
            let record = PurseRecord(
                purseId: purseId, customerId: customerId, currency: currency, address: purse.address ?? existing?.address,
                blockchain: purse.blockchain ?? existing?.blockchain, status: status,
                createdAt: purse.createdDate ?? existing?.createdAt, expiresAt: purse.expiryDate ?? existing?.expiresAt,
                lastDepositAt: purse.lastDepositDate ?? existing?.lastDepositAt, updatedAt: now)
            if var unchanged = existing {
                unchanged.updatedAt = now
                if unchanged == record { continue }
            }
            try db.cachedStatement(sql: """
                INSERT INTO purse (purseId, currency, customerId, address, blockchain, status, createdAt, expiresAt, lastDepositAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(purseId, currency) DO UPDATE SET customerId = excluded.customerId, address = excluded.address,
                    blockchain = excluded.blockchain, status = excluded.status, createdAt = excluded.createdAt,
                    expiresAt = excluded.expiresAt, lastDepositAt = excluded.lastDepositAt, updatedAt = excluded.updatedAt
                """).execute(arguments: [purseId, currency, customerId, record.address, record.blockchain, status.rawValue,
                                 record.createdAt?.storeValue, record.expiresAt?.storeValue, record.lastDepositAt?.storeValue,
                                 now.storeValue])
            if existing == nil {
                events.append(.newAddress(record))
            } else if existing?.status != status {
                switch status {
                case .archived: events.append(.purseExpired(record))
                case .declined:
                    events.append(.purseDeclined(record))
                    if let alert = try addAlert(db, kind: .purseDeclined, customerId: customerId, transactionId: "purse:\(purseId)",
                                                message: "Purse \(record.address ?? purseId) (\(currency)) was declined", at: now) {
                        events.append(.alert(alert))
                    }
                default: break
                }
            }
        }
        return events
    }

    /// Marks every currency row of a purse with a status a webhook reported (expiry).
    static func setPurseStatus(_ db: Database, purseId: String?, address: String?, status: PurseStatus, at now: Date) throws -> [DeskEvent] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM purse WHERE (purseId = ? OR address = ?) AND status != ?",
                                    arguments: [purseId, address, status.rawValue]).map(purseRecord)
        var events: [DeskEvent] = []
        for var record in rows {
            try db.execute(sql: "UPDATE purse SET status = ?, updatedAt = ? WHERE purseId = ? AND currency = ?",
                           arguments: [status.rawValue, now.storeValue, record.purseId, record.currency])
            record.status = status
            record.updatedAt = now
            events.append(status == .declined ? .purseDeclined(record) : .purseExpired(record))
        }
        return events
    }

    static func refreshPurseCount(_ db: Database, customerId: String) throws {
        try db.cachedStatement(sql: """
            UPDATE customer SET purseCount = (SELECT count(*) FROM purse WHERE customerId = ? AND status = 'PENDING_PAYMENT')
            WHERE id = ?
            """).execute(arguments: [customerId, customerId])
    }

    public func purses(customerId: String) throws -> [PurseRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM purse WHERE customerId = ?
                ORDER BY CASE status WHEN 'PENDING_PAYMENT' THEN 0 ELSE 1 END, blockchain, address, currency
                """, arguments: [customerId]).map(Self.purseRecord)
        }
    }

    static func purseRecord(_ row: Row) -> PurseRecord {
        PurseRecord(
            purseId: row["purseId"], customerId: row["customerId"], currency: row["currency"], address: row["address"],
            blockchain: row["blockchain"], status: PurseStatus(row["status"] as String), createdAt: Date(storeValue: row["createdAt"]),
            expiresAt: Date(storeValue: row["expiresAt"]), lastDepositAt: Date(storeValue: row["lastDepositAt"]),
            updatedAt: Date(storeValue: row["updatedAt"]) ?? Date(timeIntervalSince1970: 0))
    }
}
