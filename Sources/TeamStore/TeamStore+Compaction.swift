import DeskModel
import Foundation
import PostgresNIO

/// The change log is compacted by age: rows older than the kept window go, and the account's
/// horizon records the last sequence removed. A desk whose replica is behind the horizon cannot
/// catch up from the log, so it resyncs from the mirrored tables — every row there keeps the last
/// change that wrote it — and goes on from the log where that snapshot ended.
extension TeamStore {
    public struct Compaction: Sendable, Equatable {
        /// Changes removed now.
        public var removed: Int
        /// Everything up to this sequence is gone (0: the log was never compacted).
        public var horizon: Int64
        /// Changes the log still holds for the account.
        public var remaining: Int
    }

    /// Removes the account's changes older than `age`; the last ones written stay, however old.
    public func compact(keeping age: Duration) async throws(TeamStoreError) -> Compaction {
        let account = self.account
        let seconds = max(0, Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18)
        return try await database.transaction { connection in
            let logger = TeamConnector.quietLogger
            // Appends wait meanwhile, so the horizon is exact.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("pursedesk.changes:" + account)))", logger: logger)
            var result = Compaction(removed: 0, horizon: 0, remaining: 0)
            let removed = try await connection.query("""
                WITH cut AS (SELECT max(seq) AS through FROM pursedesk_change_log WHERE account = \(account)
                                 AND at < now() - make_interval(secs => \(seconds))
                                 AND seq < (SELECT max(seq) FROM pursedesk_change_log WHERE account = \(account))),
                     gone AS (DELETE FROM pursedesk_change_log WHERE account = \(account) AND seq <= (SELECT through FROM cut) RETURNING seq)
                SELECT count(*)::bigint, coalesce(max(seq), 0) FROM gone
                """, logger: logger)
            for try await (count, through) in removed.decode((Int64, Int64).self) { result.removed = Int(count); result.horizon = through }
            if result.horizon > 0 {
                try await connection.query("""
                    INSERT INTO pursedesk_log_horizon (account, compacted_through) VALUES (\(account), \(result.horizon))
                    ON CONFLICT (account) DO UPDATE SET compacted_through = greatest(pursedesk_log_horizon.compacted_through,
                        excluded.compacted_through), compacted_at = now()
                    """, logger: logger)
            }
            for try await (horizon, remaining) in try await connection.query("""
                SELECT coalesce((SELECT compacted_through FROM pursedesk_log_horizon WHERE account = \(account)), 0),
                       (SELECT count(*) FROM pursedesk_change_log WHERE account = \(account))::bigint
                """, logger: logger).decode((Int64, Int64).self) {
                result.horizon = horizon
                result.remaining = Int(remaining)
            }
            return result
        }
    }

    /// Rebuilds the replica from the mirrored tables, in one snapshot, and records the sequence
    /// that snapshot had reached; merges are idempotent, so what the replica held stays.
    /// Applies in batches of `batchSize`; returns how many changes it merged.
    func resync(_ store: DeskStore, applied: ([DeskEvent], Int64) -> Void) async throws(TeamStoreError) -> Int {
        let connection = try await connector.connect()
        do {
            let count = try await resync(store, on: connection, applied: applied)
            try? await connection.close()
            return count
        } catch {
            try? await connection.close()
            if let error = error as? TeamStoreError { throw error }
            throw connection.isClosed ? .unreachable(TeamStoreError.describe(error)) : .server(TeamStoreError.describe(error))
        }
    }

    private func resync(_ store: DeskStore, on connection: PostgresConnection, applied: ([DeskEvent], Int64) -> Void) async throws -> Int {
        let account = self.account
        let logger = TeamConnector.quietLogger
        let before = try localSequence(store)
        try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        var through: Int64 = 0
        for try await value in try await connection.query("""
            SELECT greatest(coalesce((SELECT max(seq) FROM pursedesk_change_log WHERE account = \(account)), 0),
                            coalesce((SELECT compacted_through FROM pursedesk_log_horizon WHERE account = \(account)), 0))
            """, logger: logger).decode(Int64.self) { through = value }
        var pending: [StoreChange] = []
        var count = 0
        func flush(final: Bool) throws {
            let sequence = final ? through : before
            do {
                applied(try store.applyReplicated(pending, throughSequence: sequence), sequence)
            } catch {
                throw TeamStoreError.server("the local store: \(error)")
            }
            count += pending.count
            pending = []
        }
        func take(_ change: StoreChange?) throws {
            guard let change else { return }
            pending.append(change)
            if pending.count >= Self.batchSize { try flush(final: false) }
        }
        func decode(_ payload: String) -> StoreChange? { try? JSONDecoder().decode(StoreChange.self, from: Data(payload.utf8)) }
        // Customers before what belongs to them; webhooks after deposits (their states only move forward).
        for table in ["pursedesk_customer", "pursedesk_purse", "pursedesk_deposit"] {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT change::text FROM \(table) WHERE account = $1 AND change IS NOT NULL
                """, binds: Self.binds(account)), logger: logger)
            for try await payload in rows.decode(String.self) { try take(decode(payload)) }
        }
        for try await (id, blocked) in try await connection.query(
            "SELECT id, blocked FROM pursedesk_customer WHERE account = \(account)", logger: logger).decode((String, Bool).self) {
            try take(.customerBlocked(customerId: id, blocked: blocked))
        }
        for try await body in try await connection.query(
            "SELECT body FROM pursedesk_webhook_event WHERE account = \(account) ORDER BY received_at, id", logger: logger).decode(String.self) {
            try take(.webhook(rawBody: body))
        }
        for try await payload in try await connection.query(
            "SELECT change::text FROM pursedesk_alert WHERE account = \(account) AND change IS NOT NULL ORDER BY at", logger: logger)
            .decode(String.self) {
            try take(decode(payload))
        }
        let audit = try await connection.query("""
            SELECT id, at, operator, host, action, target, target_email, detail, result, error, outcome, finished_at
            FROM pursedesk_audit WHERE account = \(account) ORDER BY id
            """, logger: logger)
        for try await (id, at, user, host, action, target, targetEmail, detail, result, error, outcome, finishedAt)
                in audit.decode((Int64, Date, String, String, String, String, String?, String?, String, String?, String?, Date?).self) {
            try take(.audit(AuditRecord(id: id, at: at, user: TeamActionJournal.label(user, host), action: action, target: target,
                                        targetEmail: targetEmail, detail: detail, result: AuditResult(rawValue: result) ?? .pending,
                                        error: error, outcome: outcome, finishedAt: finishedAt)))
        }
        try await connection.query("COMMIT", logger: logger)
        try flush(final: true)
        return count
    }

    private func localSequence(_ store: DeskStore) throws(TeamStoreError) -> Int64 {
        do { return try store.replicaSequence() } catch { throw .server("the local store: \(error)") }
    }

    private static func binds(_ account: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(account)
        return binds
    }
}
