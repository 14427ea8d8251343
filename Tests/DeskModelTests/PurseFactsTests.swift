import CalypsoAPI
import CalypsoSandbox
@testable import DeskModel
import Foundation
import Testing

/// Purse rows get chain, last deposit and expiry whatever order the facts arrive in, the way the
/// real-API path learns them: deposits first, the purse list later (with only the documented
/// `id` and `address`), the currency table last.
@Suite struct PurseFactsTests {
    @Test func rowsAreCompleteWhateverTheOrder() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 2
        configuration.traffic = TrafficSettings(enabled: false)
        configuration.clock = ManualClock(start: Date(timeIntervalSince1970: 1_790_000_000))
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let client = CalypsoClient(credentials: sandbox.credentials)
        let customer = try await client.createCustomer(CustomerCreateRequest(email: "order@example.com"))
        _ = try await client.depositAddress(customerId: customer.id, currency: "TRX")   // never gets a deposit
        for (index, currency) in (["ETH", "USDT_BSC", "BTC", "ETH"] as [Currency]).enumerated() {
            _ = await sandbox.advanceClock(seconds: 3_600)
            _ = try await sandbox.injectDeposit(customerId: customer.id, currency: currency, decline: index == 2, pacing: .instant)
        }
        _ = await sandbox.advanceClock(seconds: 3_600)
        _ = try await client.depositAddress(customerId: customer.id, currency: "POL")   // issued after the deposits, unused

        let store = try temporaryStore("facts")
        // 1. Deposits, as transaction/find returns them.
        let page = try await client.findTransactions(TransactionFindRequest(customerId: customer.id, pageSize: 100))
        try store.apply(page.result.map { TransactionObservation($0) }, source: .poll)
        var rows = try store.purses(customerId: customer.id)
        #expect(rows.count == 3 && rows.allSatisfy { $0.lastDepositAt != nil }, "a deposit gives its purse a last deposit")
        #expect(rows.filter { $0.status == .pendingPayment }.allSatisfy { $0.expiresAt != nil }, "a confirmed deposit gives an expiry")

        // 2. The purse list, with only the documented fields.
        let purses = try await client.purses(customerId: customer.id)
        try store.recordPurses(purses.map { Purse(id: $0.id, address: $0.address, currency: $0.currency, status: $0.status) },
                               customerId: customer.id)
        rows = try store.purses(customerId: customer.id)
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.blockchain == nil }, "no chain yet: the currency table has not arrived")

        // 3. The currency table, late.
        try store.recordCurrencyPairs(try await client.exchangePairs())
        rows = try store.purses(customerId: customer.id)
        let truth = Dictionary(uniqueKeysWithValues: purses.map { ("\($0.id ?? "") \($0.currency?.rawValue ?? "")", $0) })
        for row in rows {
            let label = "\(row.currency) \(row.status)"
            #expect(row.blockchain != nil, "\(label): chain")
            let deposits = page.result.filter { $0.purseId == row.purseId && $0.currency.rawValue == row.currency }
            if let last = deposits.compactMap(\.createdDate).max() {
                #expect(row.lastDepositAt == last, "\(label): last deposit")
            }
            if deposits.contains(where: { $0.transactionState == .confirmed }) || row.createdAt != nil {
                #expect(row.expiresAt != nil, "\(label): expiry")
            }
            if let server = truth["\(row.purseId) \(row.currency)"], server.status == .pendingPayment,
               deposits.contains(where: { $0.transactionState == .confirmed }) {
                #expect(row.expiresAt == server.expiryDate, "\(label): expiry follows the documented rule like the server")
            }
        }
        // Purses the API never described beyond id and address, with no deposit, cannot have an expiry: they stay unknown.
        #expect(rows.filter { $0.currency == "TRX" || $0.currency == "POL" }.allSatisfy { $0.expiresAt == nil && $0.lastDepositAt == nil })

        // With the full answer (issue dates), unused purses get the 30-day rule.
        try store.recordPurses(purses, customerId: customer.id)
        let unused = try #require(try store.purses(customerId: customer.id).first { $0.currency == "POL" })
        #expect(unused.expiresAt == unused.createdAt.map { $0.addingTimeInterval(30 * 86_400) })
    }

    @Test func pairsArrivingFirstGiveDiscoveredPursesTheirChainAtOnce() throws {
        let store = try temporaryStore("pairs-first")
        try store.recordCurrencyPairs(ExchangePairs(currencyPairs: ["ETH": CurrencyPair(name: "Ether", blockchainName: "ETHEREUM")]))
        try store.apply([observation("t1", state: .confirmed)], source: .poll)
        let purse = try #require(try store.purses(customerId: "c1").first)
        #expect(purse.blockchain == "ETHEREUM" && purse.lastDepositAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(purse.expiresAt == Date(timeIntervalSince1970: 1_800_000_000 + 365 * 86_400))
        #expect(try store.currencyPairs().map(\.currency) == ["ETH"])
    }
}
