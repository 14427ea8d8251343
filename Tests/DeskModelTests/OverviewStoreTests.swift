import CalypsoAPI
@testable import DeskModel
import Foundation
import GRDB
import Testing

/// The overview's figures from a real SQLite store.
@Suite struct OverviewStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func deposit(_ id: String, _ currency: Currency, _ amount: String, _ state: TransactionState, minutesAgo: Double) -> Transaction {
        Transaction(id: id, amount: Amount(Decimal(string: amount)!), addressFrom: nil, currency: currency, transactionHash: "0x\(id)",
                    transactionState: state, complianceState: state == .declined ? .decline : .checked,
                    translationToAccountCompleted: state == .confirmed, createdDate: now.addingTimeInterval(-minutesAgo * 60),
                    customerId: "c1")
    }

    static func store() throws -> DeskStore {
        let store = try temporaryStore("overview")
        _ = try store.recordPurses([
            Purse(id: "p1", address: "0xa", currency: "ETH", blockchain: "ETHEREUM", status: .pendingPayment),
            Purse(id: "p2", address: "0xb", currency: "ETH", blockchain: "ETHEREUM", status: .archived),
            Purse(id: "p3", address: "bc1", currency: "BTC", blockchain: "BITCOIN", status: .declined),
            Purse(id: "p4", address: "0xc", currency: "ETH", status: .pendingPayment),
        ], customerId: "c1", at: now)
        try store.bulkLoad(customers: [Customer(id: "c1", email: "ann@example.com", blocked: false)], transactions: [
            deposit("t1", "ETH", "0.1", .confirmed, minutesAgo: 1),
            deposit("t2", "ETH", "0.2", .confirmed, minutesAgo: 30.5),
            deposit("t3", "ETH", "0.000000000000000001", .confirmed, minutesAgo: 120),
            deposit("t4", "ETH", "5", .declined, minutesAgo: 200),
            deposit("t5", "ETH", "7", .confirmed, minutesAgo: 60 * 25),
            deposit("t6", "BTC", "0.5", .memPoolFound, minutesAgo: 2),
            deposit("t7", "BTC", "0.25", .pendingComplianceCheck, minutesAgo: 3),
        ])
        return store
    }

    @Test func figuresPerCurrencyAndChainInExactDecimals() throws {
        let figures = try Self.store().overview(now: Self.now)
        #expect(figures.rows.map(\.currency) == ["BTC", "ETH"])
        let eth = try #require(figures.rows.first { $0.currency == "ETH" })
        #expect(eth.blockchain == "ETHEREUM")
        #expect((eth.pursesActive, eth.pursesArchived, eth.pursesDeclined) == (2, 1, 0))
        #expect(eth.confirmedHour == 2)
        #expect(eth.volumeHour == Decimal(string: "0.3"))
        #expect(eth.confirmedDay == 3)
        #expect(eth.volumeDay == Decimal(string: "0.300000000000000001"))
        #expect(eth.declinedDay == 1)
        #expect(eth.declineRate == 0.25)
        #expect(eth.minuteVolumes[59] == Decimal(string: "0.1"))
        #expect(eth.minuteVolumes[29] == Decimal(string: "0.2"))
        #expect(eth.minuteVolumes.reduce(0, +) == eth.volumeHour)
        let btc = try #require(figures.rows.first { $0.currency == "BTC" })
        #expect((btc.mempool, btc.compliance, btc.pursesDeclined) == (1, 1, 1))
        #expect(btc.declineRate == nil)
    }

    @Test func acknowledgingIsAuditedAndListsUnacknowledgedFirst() throws {
        let store = try Self.store()
        let first = try #require(try store.addAlert(kind: .complianceDeclined, customerId: "c1", transactionId: "t4", message: "declined", at: Self.now))
        let second = try #require(try store.addAlert(kind: .fundsForBlockedCustomer, customerId: "c1", transactionId: "t1", message: "funds",
                                                     at: Self.now))
        #expect(try store.unacknowledgedAlertCount() == 2)
        #expect(try store.acknowledgeAlerts(ids: [first.id], by: "ann", at: Self.now) == 1)
        #expect(try store.acknowledgeAlerts(ids: [first.id], by: "bob", at: Self.now) == 0)
        let alerts = try store.alertsUnacknowledgedFirst()
        #expect(alerts.map(\.id) == [second.id, first.id])
        #expect(alerts[1].acknowledgedBy == "ann" && alerts[1].acknowledgedAt == Self.now)
        #expect(try store.counts().unacknowledgedAlerts == 1)
        #expect(try store.overview(now: Self.now).recentAlerts.map(\.id) == [second.id])
        let audit = try store.auditLog()
        #expect(audit.first?.action == "alert.acknowledge" && audit.first?.user == "bob" && audit.first?.result == .succeeded)
        #expect(audit.count == 2)
    }

    /// The real-API order: deposits first, no purse naming their chain; the cached pairs know it for
    /// ETH, nothing knows it for DOGE, and a purse's own chain wins over the pairs' name for BTC.
    @Test func rowsTakeTheChainFromPursesElseFromCachedPairs() throws {
        let store = try temporaryStore("overview-chains")
        try store.bulkLoad(customers: [Customer(id: "c1", email: "ann@example.com", blocked: false)], transactions: [
            Self.deposit("t1", "ETH", "1", .confirmed, minutesAgo: 5),
            Self.deposit("t2", "DOGE", "2", .memPoolFound, minutesAgo: 5),
            Self.deposit("t3", "BTC", "3", .confirmed, minutesAgo: 5),
        ])
        _ = try store.recordPurses([Purse(id: "p1", address: "bc1", currency: "BTC", blockchain: "BITCOIN", status: .pendingPayment)],
                                   customerId: "c1", at: Self.now)
        var chains = Dictionary(uniqueKeysWithValues: try store.overview(now: Self.now).rows.map { ($0.currency, $0.blockchain) })
        #expect(chains["ETH"] == .some(nil), "no pairs yet: the chain is not known")
        try store.recordCurrencyPairs(ExchangePairs(currencyPairs: [
            "ETH": CurrencyPair(name: "Ether", blockchainName: "ETHEREUM"), "BTC": CurrencyPair(name: "Bitcoin", blockchainName: "BTC"),
        ]))
        let rows = try store.overview(now: Self.now).rows
        chains = Dictionary(uniqueKeysWithValues: rows.map { ($0.currency, $0.blockchain) })
        #expect(rows.count == 3, "one row per currency: \(rows.map { "\($0.currency)/\($0.blockchain ?? "—")" })")
        #expect(chains["ETH"] == "ETHEREUM")
        #expect(chains["BTC"] == "BITCOIN")
        #expect(chains["DOGE"] == .some(nil))
    }

    /// Each read walks an index: none scans a whole table of deposits.
    @Test func queriesUseIndexes() throws {
        let store = try Self.store()
        try store.pool.read { db in
            for sql in OverviewQuery.all {
                let arguments: StatementArguments = sql.contains("?") ? StatementArguments(Array(repeating: 0 as any DatabaseValueConvertible,
                                                                                                    count: sql.count { $0 == "?" })) : []
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    .joined(separator: "; ")
                #expect(plan.contains("INDEX"), "\(sql): \(plan)")
                #expect(!plan.contains("SCAN deposit") || plan.contains("USING"), "\(sql): \(plan)")
            }
        }
    }
}
