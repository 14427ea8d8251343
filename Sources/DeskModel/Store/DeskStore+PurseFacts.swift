import CalypsoAPI
import Foundation
import GRDB

/// Facts about purses the API may not send but pursedesk can work out: the chain from the
/// cached `exchange/pairs`, the last deposit from stored deposits, and the expiry from the
/// documented rules (reference 11.1: 30 days after issue without a deposit; 365 days after the
/// last confirmed deposit).
extension DeskStore {
    static let unusedPurseLifetime: TimeInterval = 30 * 86_400
    static let fundedPurseLifetime: TimeInterval = 365 * 86_400

    /// Caches the currency table and fills the chain of every purse that lacks one.
    public func recordCurrencyPairs(_ pairs: ExchangePairs, at now: Date = Date()) throws {
        try pool.write { db in
            for (code, pair) in pairs.currencyPairs {
                let usable = pair.enabled != false && pair.active != false && pair.crypto != false
                try db.execute(sql: """
                    INSERT INTO currency_pair (currency, blockchain, name, usable, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(currency) DO UPDATE SET blockchain = excluded.blockchain, name = excluded.name,
                        usable = excluded.usable, updatedAt = excluded.updatedAt
                    """, arguments: [Currency(code).rawValue, pair.blockchainName, pair.name, usable, now.storeValue])
            }
            try Self.refreshPurseFacts(db, customerId: nil)
        }
    }

    /// The cached currency table (usable currencies only), sorted by code; empty before the first fetch.
    public func currencyPairs() throws -> [(currency: Currency, blockchain: String?)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT currency, blockchain FROM currency_pair WHERE usable = 1 ORDER BY currency").map {
                (Currency($0["currency"] as String), $0["blockchain"] as String?)
            }
        }
    }

    /// Recomputes chain, last deposit and expiry of one customer's purses (all purses when nil).
    static func refreshPurseFacts(_ db: Database, customerId: String?) throws {
        let deposits = """
            FROM deposit d WHERE d.currency = purse.currency
                AND (d.purseId = purse.purseId OR (d.purseId IS NULL AND purse.address IS NOT NULL AND d.address = purse.address))
            """
        try db.cachedStatement(sql: """
            UPDATE purse SET
                blockchain = coalesce(blockchain, (SELECT blockchain FROM currency_pair WHERE currency_pair.currency = purse.currency)),
                lastDepositAt = (SELECT CASE WHEN purse.lastDepositAt IS NULL THEN max(d.createdAt)
                                             WHEN max(d.createdAt) IS NULL THEN purse.lastDepositAt
                                             ELSE max(purse.lastDepositAt, max(d.createdAt)) END \(deposits)),
                expiresAt = coalesce(
                    (SELECT CASE WHEN purse.expiresAt IS NULL THEN max(d.createdAt) + ?1
                                 ELSE max(purse.expiresAt, max(d.createdAt) + ?1) END \(deposits) AND d.state = 'CONFIRMED'),
                    expiresAt,
                    createdAt + ?2)
            WHERE ?3 IS NULL OR customerId = ?3
            """).execute(arguments: [fundedPurseLifetime, unusedPurseLifetime, customerId])
    }
}
