import DeskModel
import Foundation
import PostgresNIO

/// Keeps the team's tables (customer registry, purses, deposits and their state history,
/// alerts) in step with the change log, in the transaction that appends to it: one statement per
/// table for a whole batch of changes, its rows passed as one JSON array.
enum TeamMirror {
    static func write(_ changes: [(StoreChange, String)], account: String, on connection: PostgresConnection) async throws {
        let rows = Rows(changes)
        let logger = TeamConnector.quietLogger
        if !rows.customers.isEmpty {
            let json = try rows.json(rows.customers)
            try await connection.query("""
                INSERT INTO pursedesk_customer (account, id, email, external_id, description, blocked, origin, change)
                SELECT \(account), r.id, r.email, r.external_id, r.description, r.blocked, r.origin, CAST(r.change AS jsonb)
                FROM jsonb_to_recordset(CAST(\(json) AS jsonb)) AS r(id text, email text, external_id text, description text, blocked boolean,
                                                                    origin text, change text)
                ON CONFLICT (account, id) DO UPDATE SET email = coalesce(excluded.email, pursedesk_customer.email), change = excluded.change,
                    external_id = coalesce(excluded.external_id, pursedesk_customer.external_id),
                    description = coalesce(excluded.description, pursedesk_customer.description),
                    blocked = excluded.blocked, updated_at = now()
                """, logger: logger)
        }
        if !rows.blocks.isEmpty {
            let json = try rows.json(rows.blocks)
            try await connection.query("""
                INSERT INTO pursedesk_customer (account, id, blocked, origin)
                SELECT \(account), r.id, r.blocked, 'discovered' FROM jsonb_to_recordset(CAST(\(json) AS jsonb)) AS r(id text, blocked boolean)
                ON CONFLICT (account, id) DO UPDATE SET blocked = excluded.blocked, updated_at = now()
                """, logger: logger)
        }
        if !rows.deposits.isEmpty {
            let latest = try rows.json(Rows.lastPerKey(rows.deposits, key: \.id)), all = try rows.json(rows.deposits)
            try await connection.query("""
                INSERT INTO pursedesk_deposit (account, id, customer_id, purse_id, address, currency, amount, hash, state, compliance,
                                               credited, created_at, change)
                SELECT \(account), r.id, r.customer_id, r.purse_id, r.address, r.currency, r.amount, r.hash, r.state, r.compliance,
                       r.credited, to_timestamp(r.created_at), CAST(r.change AS jsonb)
                FROM jsonb_to_recordset(CAST(\(latest) AS jsonb)) AS r(id text, customer_id text, purse_id text, address text, currency text,
                    amount text, hash text, state text, compliance text, credited boolean, created_at double precision, change text)
                ON CONFLICT (account, id) DO UPDATE SET change = excluded.change, customer_id = coalesce(excluded.customer_id, pursedesk_deposit.customer_id),
                    state = excluded.state, compliance = excluded.compliance, credited = excluded.credited, updated_at = now()
                """, logger: logger)
            try await connection.query("""
                INSERT INTO pursedesk_deposit_state (account, transaction_id, state, compliance, credited)
                SELECT \(account), r.value->>'id', r.value->>'state', r.value->>'compliance', CAST(r.value->>'credited' AS boolean)
                FROM jsonb_array_elements(CAST(\(all) AS jsonb)) WITH ORDINALITY AS r(value, n)
                ORDER BY r.n
                """, logger: logger)
        }
        if !rows.purses.isEmpty {
            let json = try rows.json(Rows.lastPerKey(rows.purses, key: { "\($0.purse_id) \($0.currency)" }))
            try await connection.query("""
                INSERT INTO pursedesk_purse (account, purse_id, currency, customer_id, address, blockchain, status, created_at, expires_at,
                                             change)
                SELECT \(account), r.purse_id, r.currency, r.customer_id, r.address, r.blockchain, r.status, to_timestamp(r.created_at),
                       to_timestamp(r.expires_at), CAST(r.change AS jsonb)
                FROM jsonb_to_recordset(CAST(\(json) AS jsonb)) AS r(purse_id text, currency text, customer_id text, address text,
                    blockchain text, status text, created_at double precision, expires_at double precision, change text)
                ON CONFLICT (account, purse_id, currency) DO UPDATE SET change = excluded.change, status = excluded.status,
                    address = coalesce(excluded.address, pursedesk_purse.address), updated_at = now()
                """, logger: logger)
        }
        if !rows.alerts.isEmpty {
            let json = try rows.json(rows.alerts)
            try await connection.query("""
                INSERT INTO pursedesk_alert (account, kind, transaction_id, customer_id, message, at, change)
                SELECT \(account), r.kind, r.transaction_id, r.customer_id, r.message, to_timestamp(r.at), CAST(r.change AS jsonb)
                FROM jsonb_to_recordset(CAST(\(json) AS jsonb)) AS r(kind text, transaction_id text, customer_id text, message text,
                                                                    at double precision, change text)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    /// A batch's changes as rows per table. A row that a batch changes twice is written once, as
    /// it ended (one `INSERT … ON CONFLICT` may not touch a row twice); deposit states keep all.
    struct Rows {
        struct Customer: Encodable {
            var id: String, email: String?, external_id: String?, description: String?, blocked: Bool, origin: String, change: String
        }
        struct Block: Encodable { var id: String, blocked: Bool }
        struct Deposit: Encodable {
            var id: String, customer_id: String?, purse_id: String?, address: String?, currency: String, amount: String, hash: String?
            var state: String, compliance: String, credited: Bool, created_at: Double?, change: String
        }
        struct Purse: Encodable {
            var purse_id: String, currency: String, customer_id: String, address: String?, blockchain: String?, status: String
            var created_at: Double?, expires_at: Double?, change: String
        }
        struct Alert: Encodable { var kind: String, transaction_id: String, customer_id: String?, message: String, at: Double, change: String }

        var customers: [Customer] = []
        var blocks: [Block] = []
        var deposits: [Deposit] = []
        var purses: [Purse] = []
        var alerts: [Alert] = []

        /// Each change with its log payload (kept with the row it mirrors, for desks that resync).
        init(_ changes: [(StoreChange, String)]) {
            // The last word on a customer's blocked flag, whichever kind of change said it.
            var blocked: [String: Bool] = [:]
            var customersById: [String: Customer] = [:], customerOrder: [String] = []
            var blocksById: [String: Block] = [:], blockOrder: [String] = []
            for (change, payload) in changes {
                switch change {
                case .customer(let customer):
                    blocked[customer.id] = customer.blocked
                    if customersById[customer.id] == nil { customerOrder.append(customer.id) }
                    customersById[customer.id] = Customer(id: customer.id, email: customer.email, external_id: customer.externalId,
                                                          description: customer.description, blocked: customer.blocked,
                                                          origin: customer.origin.rawValue, change: payload)
                case .customerBlocked(let id, let isBlocked):
                    blocked[id] = isBlocked
                    if blocksById[id] == nil { blockOrder.append(id) }
                    blocksById[id] = Block(id: id, blocked: isBlocked)
                case .deposit(let tx):
                    deposits.append(Deposit(id: tx.id, customer_id: tx.customerId, purse_id: tx.purseId, address: tx.address,
                                            currency: tx.currency, amount: tx.amount, hash: tx.hash, state: tx.state.rawValue,
                                            compliance: tx.compliance.rawValue, credited: tx.credited,
                                            created_at: tx.createdAt?.timeIntervalSince1970, change: payload))
                case .purse(let purse):
                    purses.append(Purse(purse_id: purse.purseId, currency: purse.currency, customer_id: purse.customerId, address: purse.address,
                                        blockchain: purse.blockchain, status: purse.status.rawValue,
                                        created_at: purse.createdAt?.timeIntervalSince1970, expires_at: purse.expiresAt?.timeIntervalSince1970,
                                        change: payload))
                case .alert(let alert):
                    alerts.append(Alert(kind: alert.kind.rawValue, transaction_id: alert.transactionId ?? "", customer_id: alert.customerId,
                                        message: alert.message, at: alert.at.timeIntervalSince1970, change: payload))
                case .webhook, .audit:
                    break // written to their own tables by the caller
                }
            }
            customers = customerOrder.compactMap { id in customersById[id].map { var row = $0; row.blocked = blocked[id] ?? row.blocked; return row } }
            blocks = blockOrder.compactMap { id in blocksById[id].map { var row = $0; row.blocked = blocked[id] ?? row.blocked; return row } }
        }

        static func lastPerKey<Row, Key: Hashable>(_ rows: [Row], key: (Row) -> Key) -> [Row] {
            var last: [Key: Int] = [:]
            for (index, row) in rows.enumerated() { last[key(row)] = index }
            return rows.enumerated().filter { last[key($0.element)] == $0.offset }.map(\.element)
        }

        func json<Row: Encodable>(_ rows: [Row]) throws -> String {
            String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        }
    }
}
