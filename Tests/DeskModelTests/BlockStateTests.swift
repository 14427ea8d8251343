import CalypsoAPI
@testable import DeskModel
import Foundation
import GRDB
import Testing

/// Blocked is blocked, not blocked or unknown: only an answer or a webhook that carries the flag
/// makes it known; a customer learned from deposits alone stays unknown.
@Suite struct BlockStateTests {
    @Test func aCustomerLearnedFromPollingIsUnknownUntilSomethingSays() throws {
        let store = try temporaryStore()
        try store.apply([observation("t1", state: .memPoolFound)], source: .poll)
        #expect(try store.customer(id: "c1")?.blockState == .unknown)
        #expect(try store.customer(id: "c1")?.blocked == false)
        var counts = try store.counts()
        #expect(counts.blocked == 0 && counts.blockedUnknown == 1)

        // A purse list says nothing about the flag either.
        try store.recordPurses([Purse(id: "p9", address: "0x9", currency: "ETH", status: .pendingPayment)], customerId: "c1")
        #expect(try store.customer(id: "c1")?.blockState == .unknown)

        // The server's webhook carries the flag: now it is known.
        let events = try store.apply([observation("t2", state: .confirmed, blocked: true)], source: .webhook).map(\.kind)
        #expect(events.contains("blocked") && events.contains("alert:funds_for_blocked_customer"))
        counts = try store.counts()
        #expect(counts.blocked == 1 && counts.blockedUnknown == 0)
        #expect(try store.customerSummaries().first?.blockState == .blocked)
    }

    @Test func answersMakeTheFlagKnownAndWebhooksWithoutItKeepIt() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "c1", email: "ann@example.com", blocked: false), origin: .created)
        #expect(try store.customer(id: "c1")?.blockState == .notBlocked)
        // A deposit without the flag changes nothing about it.
        try store.apply([observation("t1", state: .memPoolFound)], source: .poll)
        #expect(try store.customer(id: "c1")?.blockState == .notBlocked)
        try store.upsertCustomer(Customer(id: "c1", blocked: true), origin: .discovered)
        let stored = try #require(try store.customer(id: "c1"))
        #expect(stored.blockState == .blocked && stored.email == "ann@example.com")
    }

    @Test func anImportLeavesTheFlagAsItWas() throws {
        let store = try temporaryStore()
        _ = try store.importCustomers([Customer(id: "new"), Customer(id: "known")])
        try store.upsertCustomer(Customer(id: "known", blocked: false), origin: .created)
        _ = try store.importCustomers([Customer(id: "new", email: "a@b.cd"), Customer(id: "known", email: "k@b.cd")])
        #expect(try store.customer(id: "new")?.blockState == .unknown)
        #expect(try store.customer(id: "known")?.blockState == .notBlocked)
    }

    @Test func theMigrationForgetsFlagsNobodyReported() throws {
        let path = try temporaryDirectory("migrate").appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: "v2: deposits by last change")
            try queue.write { db in
                for (id, blocked, origin) in [("d0", 0, "discovered"), ("w0", 0, "webhook"), ("i0", 0, "imported"),
                                              ("c0", 0, "created"), ("d1", 1, "discovered")] {
                    try db.execute(sql: "INSERT INTO customer (id, blocked, origin, createdAt, updatedAt) VALUES (?, ?, ?, 0, 0)",
                                   arguments: [id, blocked, origin])
                }
            }
        }
        let store = try DeskStore(path: path)
        let states = Dictionary(uniqueKeysWithValues: try store.customerSummaries().map { ($0.id, $0.blockState) })
        #expect(states == ["d0": .unknown, "w0": .unknown, "i0": .unknown, "c0": .notBlocked, "d1": .blocked])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func filterWords() {
        #expect(BlockState(filterWord: "y") == .blocked)
        #expect(BlockState(filterWord: "No") == .notBlocked)
        #expect(BlockState(filterWord: "unk") == .unknown)
        #expect(BlockState(filterWord: "?") == .unknown)
        #expect(BlockState(filterWord: "maybe") == nil)
        #expect(BlockState(filterWord: "") == nil)
    }
}
