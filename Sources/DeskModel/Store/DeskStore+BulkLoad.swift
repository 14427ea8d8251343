import CalypsoAPI
import Foundation
import GRDB

extension DeskStore {
    /// Loads many customers and their settled history in one transaction, bypassing the per-event
    /// merge (no events, no alerts). For seeding large stores: benchmarks and first imports.
    public func bulkLoad(customers: [Customer], transactions: [Transaction], at now: Date = Date()) throws {
        try pool.write { db in
            let insertCustomer = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO customer (id, email, externalId, description, blocked, origin, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, 'imported', ?, ?)
                """)
            for customer in customers {
                try insertCustomer.execute(arguments: [customer.id, customer.email, customer.externalId, customer.description,
                                                       customer.blocked, now.storeValue, now.storeValue])
            }
            let insertDeposit = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO deposit (id, customerId, purseId, address, currency, amount, addressFrom, hash, state, compliance,
                                               credited, settled, createdAt, firstSeenAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for tx in transactions {
                let settled = tx.transactionState == .declined || (tx.transactionState == .confirmed && tx.translationToAccountCompleted)
                try insertDeposit.execute(arguments: [
                    tx.id, tx.customerId, tx.purseId, tx.address, tx.currency.rawValue, tx.amount.description, tx.addressFrom,
                    tx.transactionHash, tx.transactionState.rawValue, tx.complianceState.rawValue, tx.translationToAccountCompleted,
                    settled, tx.createdDate?.storeValue, now.storeValue, now.storeValue,
                ])
            }
            try db.execute(sql: """
                UPDATE customer SET
                    lastDepositAt = (SELECT max(createdAt) FROM deposit WHERE deposit.customerId = customer.id),
                    pendingDeposits = (SELECT count(*) FROM deposit WHERE deposit.customerId = customer.id
                                       AND state IN ('MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK'))
                """)
        }
    }
}
