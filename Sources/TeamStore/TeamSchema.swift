import Foundation
import PostgresNIO

/// The team store's tables, created and upgraded in order. A migration once shipped is never
/// edited; add a new one. A schema newer than this binary is refused, naming both versions.
enum TeamSchema {
    static let migrations: [(version: Int, summary: String, sql: [String])] = [
        (1, "customer registry, purses, deposits with state history, webhook events, alerts, audit log, change log", [
            """
            CREATE TABLE pursedesk_customer (
                account text NOT NULL, id text NOT NULL, email text, external_id text, description text,
                blocked boolean NOT NULL DEFAULT false, origin text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (account, id))
            """,
            """
            CREATE TABLE pursedesk_purse (
                account text NOT NULL, purse_id text NOT NULL, currency text NOT NULL, customer_id text NOT NULL,
                address text, blockchain text, status text NOT NULL, created_at timestamptz, expires_at timestamptz,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (account, purse_id, currency))
            """,
            """
            CREATE TABLE pursedesk_deposit (
                account text NOT NULL, id text NOT NULL, customer_id text, purse_id text, address text,
                currency text NOT NULL, amount text NOT NULL, hash text, state text NOT NULL, compliance text NOT NULL,
                credited boolean NOT NULL, created_at timestamptz, updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (account, id))
            """,
            """
            CREATE TABLE pursedesk_deposit_state (
                id bigserial PRIMARY KEY, account text NOT NULL, transaction_id text NOT NULL,
                state text NOT NULL, compliance text NOT NULL, credited boolean NOT NULL, observed_at timestamptz NOT NULL DEFAULT now())
            """,
            "CREATE INDEX pursedesk_deposit_state_tx ON pursedesk_deposit_state (account, transaction_id, id)",
            """
            CREATE TABLE pursedesk_webhook_event (
                account text NOT NULL, id bigint NOT NULL, event_type text NOT NULL, customer_id text, transaction_id text,
                body text NOT NULL, received_by text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (account, id))
            """,
            """
            CREATE TABLE pursedesk_alert (
                account text NOT NULL, kind text NOT NULL, transaction_id text NOT NULL, customer_id text,
                message text NOT NULL, at timestamptz NOT NULL,
                PRIMARY KEY (account, kind, transaction_id))
            """,
            """
            CREATE TABLE pursedesk_audit (
                id bigserial PRIMARY KEY, account text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
                operator text NOT NULL, host text NOT NULL, action text NOT NULL, target text NOT NULL, target_email text, detail text,
                result text NOT NULL, error text, outcome text, finished_at timestamptz)
            """,
            "CREATE INDEX pursedesk_audit_target ON pursedesk_audit (account, target, id)",
            """
            CREATE TABLE pursedesk_change_log (
                seq bigserial PRIMARY KEY, account text NOT NULL, origin text NOT NULL, kind text NOT NULL,
                payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())
            """,
            "CREATE INDEX pursedesk_change_log_account ON pursedesk_change_log (account, seq)",
        ]),
        (2, "change log compaction: each mirrored row keeps its last change, for desks that resync past the compacted horizon", [
            "ALTER TABLE pursedesk_customer ADD COLUMN change jsonb",
            "ALTER TABLE pursedesk_purse ADD COLUMN change jsonb",
            "ALTER TABLE pursedesk_deposit ADD COLUMN change jsonb",
            "ALTER TABLE pursedesk_alert ADD COLUMN change jsonb",
            """
            CREATE TABLE pursedesk_log_horizon (
                account text PRIMARY KEY, compacted_through bigint NOT NULL, compacted_at timestamptz NOT NULL DEFAULT now())
            """,
            // Rows mirrored under version 1 take their last change from the log, which is still whole.
            """
            UPDATE pursedesk_customer m SET change = (SELECT l.payload FROM pursedesk_change_log l WHERE l.account = m.account
                AND l.kind = 'customer' AND l.payload->'customer'->'_0'->>'id' = m.id ORDER BY l.seq DESC LIMIT 1)
            """,
            """
            UPDATE pursedesk_purse m SET change = (SELECT l.payload FROM pursedesk_change_log l WHERE l.account = m.account
                AND l.kind = 'purse' AND l.payload->'purse'->'_0'->>'purseId' = m.purse_id
                AND l.payload->'purse'->'_0'->>'currency' = m.currency ORDER BY l.seq DESC LIMIT 1)
            """,
            """
            UPDATE pursedesk_deposit m SET change = (SELECT l.payload FROM pursedesk_change_log l WHERE l.account = m.account
                AND l.kind = 'deposit' AND l.payload->'deposit'->'_0'->>'id' = m.id ORDER BY l.seq DESC LIMIT 1)
            """,
            """
            UPDATE pursedesk_alert m SET change = (SELECT l.payload FROM pursedesk_change_log l WHERE l.account = m.account
                AND l.kind = 'alert' AND l.payload->'alert'->'_0'->>'kind' = m.kind
                AND coalesce(l.payload->'alert'->'_0'->>'transactionId', '') = m.transaction_id ORDER BY l.seq DESC LIMIT 1)
            """,
        ]),
    ]

    static var currentVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the schema to `currentVersion`; returns one line per migration applied (none when
    /// it was already current). Concurrent desks starting at once serialise on an advisory lock.
    static func migrate(_ connection: PostgresConnection) async throws -> [String] {
        try await connection.withTransaction(logger: TeamConnector.quietLogger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('pursedesk.schema'))", logger: TeamConnector.quietLogger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS pursedesk_schema (version integer PRIMARY KEY, summary text NOT NULL,
                                                             applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: TeamConnector.quietLogger)
            var found = 0
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM pursedesk_schema",
                                                                 logger: TeamConnector.quietLogger).decode(Int.self) {
                found = version
            }
            if found > currentVersion { throw TeamStoreError.schemaTooNew(found: found, supported: currentVersion) }
            var applied: [String] = []
            for migration in migrations where migration.version > found {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TeamConnector.quietLogger)
                }
                let version = migration.version
                let summary = migration.summary
                try await connection.query("INSERT INTO pursedesk_schema (version, summary) VALUES (\(version), \(summary))",
                                           logger: TeamConnector.quietLogger)
                applied.append("schema version \(version): \(summary)")
            }
            return applied
        }
    }
}
