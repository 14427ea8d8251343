import CalypsoAPI
import DeskModel
import Foundation
import GRDB
import Testing

/// `DeskStore.fillNew`: chunked transactions, indexes dropped and rebuilt, journal off during the
/// load; the store must come out the same as one written row by row, in WAL mode, with every index.
@Suite struct BulkLoadTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func deposit(_ index: Int, customer: Int, state: TransactionState) -> TransactionRecord {
        TransactionRecord(id: "t\(index)", customerId: "c\(customer)", purseId: nil, address: nil, currency: "ETH", amount: "1.5",
                          addressFrom: nil, hash: nil, state: state, compliance: .checked, credited: state == .confirmed,
                          createdAt: now.addingTimeInterval(Double(index)), firstSeenAt: now, updatedAt: now)
    }

    @Test func fillsANewStoreInChunks() throws {
        let directory = try temporaryDirectory("bulk")
        let path = DeskStore.fileURL(dataDirectory: directory, account: "0xbulk").path
        var phases: [DeskStore.BulkLoadProgress.Phase] = []
        try DeskStore.fillNew(
            path: path, customers: (0..<25).lazy.map { Customer(id: "c\($0)", email: "c\($0)@example.com", blocked: $0 == 3) },
            deposits: (0..<100).lazy.map { Self.deposit($0, customer: $0 % 20, state: $0 == 99 ? .memPoolFound : .confirmed) },
            chunkSize: 7, at: Self.now) { phases.append($0.phase) }
        #expect(phases.filter { $0 == .customers }.count == 4 && phases.filter { $0 == .deposits }.count == 15)

        let store = try DeskStore.open(dataDirectory: directory, account: "0xbulk")
        let customers = try store.customerSummaries()
        #expect(customers.count == 25 && customers[3].blocked)
        #expect(customers[19].lastDepositAt == Self.now.addingTimeInterval(99) && customers[19].pendingDeposits == 1)
        #expect(customers[0].lastDepositAt == Self.now.addingTimeInterval(80) && customers[0].pendingDeposits == 0)
        #expect(customers[24].lastDepositAt == nil)
        #expect(try store.counts().transactions == 100)
        #expect(try store.integrityCheck() == "ok")
        let (journalMode, indexes) = try DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
        }
        #expect(journalMode == "wal")
        #expect(Set(indexes).isSuperset(of: ["deposit_customer", "deposit_created", "deposit_open", "deposit_updated", "customer_activity"]))
    }

    @Test func refusesAStoreThatExists() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "kept"), origin: .created)
        #expect(throws: DeskStore.StoreExists.self) {
            try DeskStore.fillNew(path: store.path, customers: [Customer(id: "new")], deposits: [])
        }
        #expect(try store.customerSummaries().map(\.id) == ["kept"])
    }
}
