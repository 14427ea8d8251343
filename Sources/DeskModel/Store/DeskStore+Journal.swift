import CalypsoAPI
import Foundation
import GRDB

/// Alerts, the operator audit log and received webhook events.
extension DeskStore {
    /// Adds an alert unless one of that kind already exists for the transaction.
    static func addAlert(_ db: Database, kind: AlertKind, customerId: String?, transactionId: String?, message: String,
                         at now: Date) throws -> AlertRecord? {
        try db.execute(sql: """
            INSERT OR IGNORE INTO alert (at, kind, customerId, transactionId, message) VALUES (?, ?, ?, ?, ?)
            """, arguments: [now.storeValue, kind.rawValue, customerId, transactionId, message])
        guard db.changesCount > 0 else { return nil }
        return AlertRecord(id: db.lastInsertedRowID, at: now, kind: kind, customerId: customerId, transactionId: transactionId,
                           message: message)
    }

    public func addAlert(kind: AlertKind, customerId: String? = nil, transactionId: String? = nil, message: String,
                         at now: Date = Date()) throws -> AlertRecord? {
        try pool.write { db in try Self.addAlert(db, kind: kind, customerId: customerId, transactionId: transactionId, message: message, at: now) }
    }

    public func alerts(limit: Int = 500) throws -> [AlertRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.alert)
        }
    }

    // MARK: Audit

    /// Writes the action as pending before it runs, so a crash leaves a truthful record.
    public func beginAudit(action: String, target: String, targetEmail: String? = nil, detail: String?, user: String,
                           at now: Date = Date()) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit (at, user, action, target, targetEmail, detail, result) VALUES (?, ?, ?, ?, ?, ?, 'pending')
                """, arguments: [now.storeValue, user, action, target, targetEmail, detail])
            return db.lastInsertedRowID
        }
    }

    /// Finishes the row; `target` replaces a provisional target (a created customer's new id).
    public func finishAudit(id: Int64, result: AuditResult, error: String?, outcome: String? = nil, target: String? = nil,
                            at now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE audit SET result = ?, error = ?, outcome = ?, target = coalesce(?, target), finishedAt = ? WHERE id = ?
                """, arguments: [result.rawValue, error, outcome, target, now.storeValue, id])
        }
    }

    public func auditLog(limit: Int = 500) throws -> [AuditRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.auditRecord)
        }
    }

    static func auditRecord(_ row: Row) -> AuditRecord {
        AuditRecord(id: row["id"], at: Date(storeValue: row["at"]) ?? Date(timeIntervalSince1970: 0), user: row["user"],
                    action: row["action"], target: row["target"], targetEmail: row["targetEmail"], detail: row["detail"],
                    result: AuditResult(rawValue: row["result"]) ?? .pending, error: row["error"], outcome: row["outcome"],
                    finishedAt: Date(storeValue: row["finishedAt"]))
    }

    // MARK: Webhook events

    public enum WebhookRecordOutcome: Sendable, Equatable {
        case stored([DeskEvent])
        case duplicate
    }

    /// Stores a verified webhook event and applies it, atomically; a repeated event id changes nothing.
    public func recordWebhook(_ event: WebhookEnvelope, rawBody: String, at now: Date = Date()) throws -> WebhookRecordOutcome {
        try pool.write { db in try Self.recordWebhook(db, event, rawBody: rawBody, at: now) }
    }

    /// Several events in one transaction: one commit (and one fsync) for all of them.
    public func recordWebhooks(_ batch: [(event: WebhookEnvelope, rawBody: String)], at now: Date = Date()) throws -> [WebhookRecordOutcome] {
        try pool.write { db in try batch.map { try Self.recordWebhook(db, $0.event, rawBody: $0.rawBody, at: now) } }
    }

    static func recordWebhook(_ db: Database, _ event: WebhookEnvelope, rawBody: String, at now: Date) throws -> WebhookRecordOutcome {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM webhook_event WHERE id = ?", arguments: [event.id]) == true {
            return .duplicate
        }
        try db.execute(sql: """
            INSERT INTO webhook_event (id, requestId, eventType, customerId, transactionId, body, receivedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event.id, event.requestId, event.eventType.rawValue, event.data.customerId, event.data.transactionId,
                             rawBody, now.storeValue])
        var events: [DeskEvent] = []
        var touched = Set<String>()
        if let observation = TransactionObservation(webhook: event) {
            events += try apply(db, observation, source: .webhook, at: now, touched: &touched)
        } else if let customerId = event.data.customerId {
            events += try ensureCustomer(db, id: customerId, origin: .webhook, blocked: event.data.customerBlocked, at: now)
        }
        if event.eventType == .purseExpired {
            events += try setPurseStatus(db, purseId: event.data.purseId, address: event.data.address, status: .archived, at: now)
            if let customerId = event.data.customerId { try refreshPurseCount(db, customerId: customerId) }
        }
        for customerId in touched { try refreshDepositFigures(db, customerId: customerId) }
        return .stored(events)
    }

    public func webhookEventCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_event") ?? 0 }
    }
}
