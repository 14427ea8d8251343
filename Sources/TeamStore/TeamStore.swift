import CalypsoAPI
import DeskModel
import Foundation
import PostgresNIO

/// The team's truth in PostgreSQL for one account: the change log every desk replicates, the
/// tables it mirrors (customers, purses, deposits and their states, alerts), webhook events
/// (stored once per event id) and the shared audit log.
public final class TeamStore: Sendable {
    /// The NOTIFY channel; the payload is the account whose log grew.
    static let channel = "pursedesk_changes"
    /// How many changes a follower reads from the log at a time.
    static let batchSize = 500

    public let account: String
    /// Who writes: the operator and host, shown in the audit log and kept with each change.
    public let origin: DeskOrigin
    let connector: TeamConnector
    let database: TeamDatabase

    public init(connector: TeamConnector, account: String, origin: DeskOrigin) {
        self.connector = connector
        self.account = account
        self.origin = origin
        database = TeamDatabase(connector: connector)
    }

    public var url: TeamStoreURL { connector.url }

    /// Creates or upgrades the schema; says what it did, one line per step.
    public func migrate() async throws(TeamStoreError) -> [String] {
        try await database.migrate()
    }

    public func close() async { await database.close() }

    // MARK: Change log

    /// Appends changes to the log (and the tables they mirror) in one transaction and wakes the
    /// followers. Appends are serialised per account, so sequence order is commit order and a
    /// follower reading "after N" never skips a row that commits later.
    public func publish(_ changes: [StoreChange]) async throws(TeamStoreError) {
        guard !changes.isEmpty else { return }
        let account = self.account
        let origin = self.origin.description
        let payloads = try changes.map { change throws(TeamStoreError) in (change, try Self.encode(change)) }
        try await database.transaction { connection in
            try await Self.append(payloads, account: account, origin: origin, on: connection)
        }
    }

    static func append(_ payloads: [(StoreChange, String)], account: String, origin: String, on connection: PostgresConnection) async throws {
        let logger = TeamConnector.quietLogger
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("pursedesk.changes:" + account)))", logger: logger)
        try await TeamMirror.write(payloads, account: account, on: connection)
        // One statement for the batch, numbered in its order; the notification goes out at commit.
        let kinds = payloads.map(\.0.kind), bodies = payloads.map(\.1)
        try await connection.query("""
            WITH appended AS (
                INSERT INTO pursedesk_change_log (account, origin, kind, payload)
                SELECT \(account), \(origin), entry.kind, CAST(entry.payload AS jsonb)
                FROM unnest(CAST(\(kinds) AS text[]), CAST(\(bodies) AS text[])) WITH ORDINALITY AS entry(kind, payload, n)
                ORDER BY entry.n
                RETURNING seq)
            SELECT pg_notify(\(channel), \(account)) FROM (SELECT 1 FROM appended LIMIT 1) AS any_row
            """, logger: logger)
    }

    /// Changes after `sequence`, oldest first. A row this binary cannot read (written by a newer
    /// one) is passed over as `nil`, so the follower still advances. When the log was compacted
    /// past `sequence`, the rows in between are gone and `.behindHorizon` says so instead.
    public func changes(after sequence: Int64, limit: Int = 500) async throws(TeamStoreError) -> LogRead {
        let account = self.account
        return try await database.run { connection in
            var result: [(sequence: Int64, change: StoreChange?)] = []
            // One statement, so the horizon and the rows come from one snapshot of a compaction.
            let rows = try await connection.query("""
                SELECT -1 AS seq, compacted_through::text FROM pursedesk_log_horizon WHERE account = \(account) AND compacted_through > \(sequence)
                UNION ALL
                (SELECT seq, payload::text FROM pursedesk_change_log WHERE account = \(account) AND seq > \(sequence) ORDER BY seq LIMIT \(limit))
                ORDER BY seq
                """, logger: TeamConnector.quietLogger)
            let decoder = JSONDecoder()
            for try await (seq, payload) in rows.decode((Int64, String).self) {
                if seq == -1 { return .behindHorizon(compactedThrough: Int64(payload) ?? 0) }
                result.append((seq, try? decoder.decode(StoreChange.self, from: Data(payload.utf8))))
            }
            return .changes(result)
        }
    }

    public enum LogRead: Sendable {
        case changes([(sequence: Int64, change: StoreChange?)])
        /// The log no longer holds what follows the sequence asked for: the desk must resync.
        case behindHorizon(compactedThrough: Int64)
    }

    public func lastSequence() async throws(TeamStoreError) -> Int64 {
        let account = self.account
        return try await database.run { connection in
            var last: Int64 = 0
            for try await value in try await connection.query(
                "SELECT coalesce(max(seq), 0) FROM pursedesk_change_log WHERE account = \(account)",
                logger: TeamConnector.quietLogger).decode(Int64.self) { last = value }
            return last
        }
    }

    static func encode(_ change: StoreChange) throws(TeamStoreError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(change), as: UTF8.self)
        } catch {
            throw .server("cannot encode a change: \(error)")
        }
    }

    // MARK: Webhooks

    /// Stores a verified delivery once for the team: the first receiver's insert wins (a unique
    /// key, not a check then an insert) and logs it for every desk; later ones are duplicates.
    public func recordWebhook(_ event: WebhookEnvelope, rawBody: String) async throws(TeamStoreError) -> Bool {
        let account = self.account
        let origin = self.origin.description
        let change = StoreChange.webhook(rawBody: rawBody)
        let payload = try Self.encode(change)
        return try await database.transaction { connection in
            let rows = try await connection.query("""
                INSERT INTO pursedesk_webhook_event (account, id, event_type, customer_id, transaction_id, body, received_by)
                VALUES (\(account), \(event.id), \(event.eventType.rawValue), \(event.data.customerId), \(event.data.transactionId),
                        \(rawBody), \(origin))
                ON CONFLICT (account, id) DO NOTHING RETURNING id
                """, logger: TeamConnector.quietLogger)
            var inserted = false
            for try await _ in rows { inserted = true }
            guard inserted else { return false }
            try await Self.append([(change, payload)], account: account, origin: origin, on: connection)
            return true
        }
    }
}

/// The process writing to the team store, as the audit log names it.
public struct DeskOrigin: Sendable, Hashable, CustomStringConvertible {
    public var operatorName: String
    public var host: String

    public init(operatorName: String, host: String = DeskOrigin.hostName) {
        self.operatorName = operatorName
        self.host = host
    }

    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown host" }
        return String(cString: buffer)
    }

    public var description: String { "\(operatorName)@\(host)" }
}

extension StoreChange {
    var kind: String {
        switch self {
        case .customer: "customer"
        case .customerBlocked: "customer_blocked"
        case .deposit: "deposit"
        case .purse: "purse"
        case .alert: "alert"
        case .webhook: "webhook"
        case .audit: "audit"
        }
    }
}

extension TeamStore {
    /// Merges every change after the replica's sequence into it; `applied` hears each batch's
    /// events and sequence. Returns how many changes were read.
    @discardableResult
    public func refreshReplica(_ store: DeskStore, applied: ([DeskEvent], Int64) -> Void = { _, _ in }) async throws(TeamStoreError) -> Int {
        var count = 0
        while true {
            let sequence: Int64
            do { sequence = try store.replicaSequence() } catch { throw .server("the local store: \(error)") }
            let batch: [(sequence: Int64, change: StoreChange?)]
            switch try await changes(after: sequence, limit: Self.batchSize) {
            case .changes(let read): batch = read
            case .behindHorizon:
                count += try await resync(store, applied: applied)
                continue
            }
            guard let last = batch.last?.sequence else { return count }
            do {
                applied(try store.applyReplicated(batch.compactMap(\.change), throughSequence: last), last)
            } catch {
                throw .server("the local store: \(error)")
            }
            count += batch.count
            // A short batch was the end of the log: asking again would only cost a round trip.
            if batch.count < Self.batchSize { return count }
        }
    }
}
