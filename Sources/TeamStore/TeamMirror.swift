import DeskModel
import Foundation
import PostgresNIO

/// Keeps the team's tables (customer registry, purses, deposits and their state history,
/// alerts) in step with the change log, in the transaction that appends to it.
enum TeamMirror {
    static func write(_ change: StoreChange, account: String, on connection: PostgresConnection) async throws {
        let logger = TeamConnector.quietLogger
        switch change {
        case .customer(let customer):
            try await connection.query("""
                INSERT INTO pursedesk_customer (account, id, email, external_id, description, blocked, origin)
                VALUES (\(account), \(customer.id), \(customer.email), \(customer.externalId), \(customer.description),
                        \(customer.blocked), \(customer.origin.rawValue))
                ON CONFLICT (account, id) DO UPDATE SET email = coalesce(excluded.email, pursedesk_customer.email),
                    external_id = coalesce(excluded.external_id, pursedesk_customer.external_id),
                    description = coalesce(excluded.description, pursedesk_customer.description),
                    blocked = excluded.blocked, updated_at = now()
                """, logger: logger)
        case .customerBlocked(let id, let blocked):
            try await connection.query("""
                INSERT INTO pursedesk_customer (account, id, blocked, origin) VALUES (\(account), \(id), \(blocked), 'discovered')
                ON CONFLICT (account, id) DO UPDATE SET blocked = excluded.blocked, updated_at = now()
                """, logger: logger)
        case .deposit(let tx):
            try await connection.query("""
                INSERT INTO pursedesk_deposit (account, id, customer_id, purse_id, address, currency, amount, hash, state, compliance,
                                               credited, created_at)
                VALUES (\(account), \(tx.id), \(tx.customerId), \(tx.purseId), \(tx.address), \(tx.currency), \(tx.amount), \(tx.hash),
                        \(tx.state.rawValue), \(tx.compliance.rawValue), \(tx.credited), \(tx.createdAt))
                ON CONFLICT (account, id) DO UPDATE SET customer_id = coalesce(excluded.customer_id, pursedesk_deposit.customer_id),
                    state = excluded.state, compliance = excluded.compliance, credited = excluded.credited, updated_at = now()
                """, logger: logger)
            try await connection.query("""
                INSERT INTO pursedesk_deposit_state (account, transaction_id, state, compliance, credited)
                VALUES (\(account), \(tx.id), \(tx.state.rawValue), \(tx.compliance.rawValue), \(tx.credited))
                """, logger: logger)
        case .purse(let purse):
            try await connection.query("""
                INSERT INTO pursedesk_purse (account, purse_id, currency, customer_id, address, blockchain, status, created_at, expires_at)
                VALUES (\(account), \(purse.purseId), \(purse.currency), \(purse.customerId), \(purse.address), \(purse.blockchain),
                        \(purse.status.rawValue), \(purse.createdAt), \(purse.expiresAt))
                ON CONFLICT (account, purse_id, currency) DO UPDATE SET status = excluded.status,
                    address = coalesce(excluded.address, pursedesk_purse.address), updated_at = now()
                """, logger: logger)
        case .alert(let alert):
            try await connection.query("""
                INSERT INTO pursedesk_alert (account, kind, transaction_id, customer_id, message, at)
                VALUES (\(account), \(alert.kind.rawValue), \(alert.transactionId ?? ""), \(alert.customerId), \(alert.message), \(alert.at))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        case .webhook, .audit:
            break // written to their own tables by the caller
        }
    }
}
