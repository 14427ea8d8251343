import CalypsoAPI
import Foundation
import GRDB

/// A desk's store as a replica of a team's change log: changes are merged through the same write
/// paths as polling and webhooks, and the sequence reached is saved in the same transaction.
extension DeskStore {
    private static let replicaSequenceKey = "replica.sequence"

    /// The last change-log sequence merged into this store (0 when none).
    public func replicaSequence() throws -> Int64 {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.replicaSequenceKey])
                .flatMap { Int64($0) } ?? 0
        }
    }

    /// Merges changes from the log and records `sequence` as reached; returns the events they caused here.
    @discardableResult
    public func applyReplicated(_ changes: [StoreChange], throughSequence sequence: Int64, at now: Date = Date()) throws -> [DeskEvent] {
        try pool.write { db in
            var events: [DeskEvent] = []
            var touched = Set<String>()
            for change in changes { events += try Self.merge(db, change, at: now, touched: &touched) }
            for customerId in touched { try Self.refreshDepositFigures(db, customerId: customerId) }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [Self.replicaSequenceKey, String(sequence)])
            return events
        }
    }

    private static func merge(_ db: Database, _ change: StoreChange, at now: Date, touched: inout Set<String>) throws -> [DeskEvent] {
        switch change {
        case .customer(let summary):
            let customer = Customer(id: summary.id, email: summary.email, description: summary.description, externalId: summary.externalId,
                                    blocked: summary.blocked)
            // Unknown stays unknown here: it must not overwrite what this desk already knows.
            return try upsertCustomer(db, customer, blockState: summary.blockState == .unknown ? nil : summary.blockState,
                                      origin: summary.origin, at: now)
        case .customerBlocked(let id, let blocked):
            return try ensureCustomer(db, id: id, origin: .discovered, blocked: blocked, at: now)
        case .deposit(let record):
            let observation = TransactionObservation(
                id: record.id, customerId: record.customerId, purseId: record.purseId, address: record.address,
                currency: record.currency.isEmpty ? nil : record.currency, amount: record.amount.isEmpty ? nil : record.amount,
                addressFrom: record.addressFrom, hash: record.hash, state: record.state, compliance: record.compliance,
                credited: record.credited, createdAt: record.createdAt)
            return try apply(db, observation, source: .poll, at: now, touched: &touched)
        case .purse(let record):
            var events = try ensureCustomer(db, id: record.customerId, origin: .discovered, blocked: nil, at: now)
            let purse = Purse(id: record.purseId, address: record.address, currency: Currency(record.currency),
                              blockchain: record.blockchain, status: record.status, createdDate: record.createdAt,
                              expiryDate: record.expiresAt, lastDepositDate: record.lastDepositAt)
            events += try upsertPurse(db, purse, customerId: record.customerId, at: now)
            try refreshPurseCount(db, customerId: record.customerId)
            return events
        case .alert(let alert):
            return try addAlert(db, kind: alert.kind, customerId: alert.customerId, transactionId: alert.transactionId,
                                message: alert.message, at: alert.at).map { [.alert($0)] } ?? []
        case .webhook(let rawBody):
            guard let event = try? JSONDecoder().decode(WebhookEnvelope.self, from: Data(rawBody.utf8)) else { return [] }
            guard case .stored(let events) = try recordWebhook(db, event, rawBody: rawBody, at: now) else { return [] }
            return events
        case .audit(let record):
            let before = try Row.fetchOne(db, sql: "SELECT result, finishedAt FROM audit WHERE id = ?", arguments: [record.id])
            // Changes may arrive again (a resync, a replay): a finished entry never goes back to pending.
            if let stored = before?["result"] as String?, stored != AuditResult.pending.rawValue, record.result == .pending { return [] }
            let unchanged = before.map { ($0["result"] as String?) == record.result.rawValue
                && ($0["finishedAt"] as Double?) == record.finishedAt?.storeValue } ?? false
            try db.execute(sql: """
                INSERT INTO audit (id, at, user, action, target, targetEmail, detail, result, error, outcome, finishedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET target = excluded.target, result = excluded.result, error = excluded.error,
                    outcome = excluded.outcome, finishedAt = excluded.finishedAt
                """, arguments: [record.id, record.at.storeValue, record.user, record.action, record.target, record.targetEmail, record.detail,
                                 record.result.rawValue, record.error, record.outcome, record.finishedAt?.storeValue])
            // An open customer detail shows the case history: it hears of new entries and results.
            return unchanged ? [] : [.auditRecorded(record)]
        }
    }
}
