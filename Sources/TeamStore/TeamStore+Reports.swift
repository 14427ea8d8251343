import DeskModel
import Foundation
import PostgresNIO

/// Read-only views of the team store for `pursedesk team …`.
extension TeamStore {
    public struct Summary: Sendable, Codable {
        public var schemaVersion: Int
        public var binarySchemaVersion: Int
        public var changes: Int64
        public var lastSequence: Int64
        public var lastChangeAt: Date?
        public var customers: Int64
        public var deposits: Int64
        public var webhookEvents: Int64
        public var auditEntries: Int64
        /// Whether some process holds this account's poller lock right now.
        public var pollerActive: Bool
    }

    public func summary() async throws(TeamStoreError) -> Summary {
        let account = self.account
        let lockKey = "pursedesk.poller:" + account
        return try await database.run { connection in
            let logger = TeamConnector.quietLogger
            var summary = Summary(schemaVersion: 0, binarySchemaVersion: TeamSchema.currentVersion, changes: 0, lastSequence: 0,
                                  lastChangeAt: nil, customers: 0, deposits: 0, webhookEvents: 0, auditEntries: 0, pollerActive: false)
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM pursedesk_schema",
                                                                 logger: logger).decode(Int.self) { summary.schemaVersion = version }
            for try await (count, last, at) in try await connection.query("""
                SELECT count(*), coalesce(max(seq), 0), max(at) FROM pursedesk_change_log WHERE account = \(account)
                """, logger: logger).decode((Int64, Int64, Date?).self) {
                (summary.changes, summary.lastSequence, summary.lastChangeAt) = (count, last, at)
            }
            for try await (customers, deposits, webhooks, audit) in try await connection.query("""
                SELECT (SELECT count(*) FROM pursedesk_customer WHERE account = \(account)),
                       (SELECT count(*) FROM pursedesk_deposit WHERE account = \(account)),
                       (SELECT count(*) FROM pursedesk_webhook_event WHERE account = \(account)),
                       (SELECT count(*) FROM pursedesk_audit WHERE account = \(account))
                """, logger: logger).decode((Int64, Int64, Int64, Int64).self) {
                (summary.customers, summary.deposits, summary.webhookEvents, summary.auditEntries) = (customers, deposits, webhooks, audit)
            }
            // A single-key advisory lock shows in pg_locks as classid (high half) and objid (low half).
            for try await held in try await connection.query("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                               AND objid = ((hashtext(\(lockKey))::bigint) & 4294967295)::oid)
                """, logger: logger).decode(Bool.self) { summary.pollerActive = held }
            return summary
        }
    }

    public struct AuditEntry: Sendable, Codable {
        public var id: Int64
        public var at: Date
        public var operatorName: String
        public var host: String
        public var action: String
        public var target: String
        public var detail: String?
        public var result: String
        public var error: String?
    }

    /// The shared audit log, newest first; `target` narrows it to one customer.
    public func auditLog(target: String? = nil, limit: Int = 100) async throws(TeamStoreError) -> [AuditEntry] {
        let account = self.account
        return try await database.run { connection in
            var entries: [AuditEntry] = []
            let rows = try await connection.query("""
                SELECT id, at, operator, host, action, target, detail, result, error FROM pursedesk_audit
                WHERE account = \(account) AND (\(target)::text IS NULL OR target = \(target)) ORDER BY id DESC LIMIT \(limit)
                """, logger: TeamConnector.quietLogger)
            for try await (id, at, user, host, action, target, detail, result, error)
                    in rows.decode((Int64, Date, String, String, String, String, String?, String, String?).self) {
                entries.append(AuditEntry(id: id, at: at, operatorName: user, host: host, action: action, target: target, detail: detail,
                                          result: result, error: error))
            }
            return entries
        }
    }
}

extension TeamStore {
    /// What the server has written so far, for the benchmark: rows inserted or updated in the
    /// team's tables, and WAL bytes (all databases of the cluster).
    public func writeFigures() async throws(TeamStoreError) -> (rows: Int64, walBytes: Int64) {
        try await database.run { connection in
            var figures: (rows: Int64, walBytes: Int64) = (0, 0)
            for try await (rows, wal) in try await connection.query("""
                SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::bigint, (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint
                FROM pg_stat_user_tables WHERE relname LIKE 'pursedesk_%'
                """, logger: TeamConnector.quietLogger).decode((Int64, Int64).self) { figures = (rows, wal) }
            return figures
        }
    }
}
