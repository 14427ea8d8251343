import CalypsoAPI
@testable import DeskModel
import Foundation
import Testing

/// The columnar customer table gives back exactly the customers put in, from memory and from a real store.
@Suite struct CustomerTableTests {
    static func customers(_ count: Int, seed: UInt64) -> [CustomerSummary] {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let pieces = ["a", "B", "Ab", "É", "é", "貴賓", "ẞ", "İ", "-", "1", "", "EXT-"]
        func text() -> String? {
            next(5) == 0 ? nil : (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined()
        }
        return (0..<count).map { number in
            CustomerSummary(id: next(3) == 0 ? "ID-\(number)" : "id-\(number)", email: text(), externalId: text(), description: text(),
                            blocked: [true, false, nil][next(3)], origin: [.created, .imported, .webhook, .discovered][next(4)],
                            purseCount: next(4), pendingDeposits: next(3),
                            lastDepositAt: next(2) == 0 ? nil : Date(timeIntervalSince1970: Double(next(1000))),
                            lastSyncedAt: nil)
        }
    }

    @Test func givesBackEveryCustomerAndTheirOriginalCase() {
        let customers = Self.customers(500, seed: 1)
        let table = CustomerTable(customers)
        #expect(table.count == customers.count)
        #expect((0..<table.count).map(table.summary(at:)) == customers)
    }

    @Test func foldedTextsAreTheLowercasedFields() {
        let customers = Self.customers(300, seed: 2)
        let table = CustomerTable(customers)
        for (index, customer) in customers.enumerated() {
            let fields: [(CustomerTable.Field, String?)] = [(.email, customer.email), (.id, customer.id), (.externalId, customer.externalId),
                                                            (.description, customer.description)]
            for (field, text) in fields {
                #expect(Array(table.folded[table.foldedRange(field, of: index)]) == Array((text ?? "").lowercased().utf8))
                #expect(table.isPresent(field, of: index) == (text != nil))
            }
        }
    }

    @Test func replacedCustomersReadBackAndCompactionKeepsThem() {
        var customers = Self.customers(200, seed: 3)
        var table = CustomerTable(customers)
        let changes = Self.customers(200, seed: 4)
        for (index, change) in changes.enumerated() where index % 3 != 0 {
            var changed = change
            changed.id = customers[index].id
            customers[index] = changed
            table.replace(index, with: changed)
        }
        #expect((0..<table.count).map(table.summary(at:)) == customers)
        let compacted = table.compacted()
        #expect((0..<compacted.count).map(compacted.summary(at:)) == customers)
        #expect(compacted.folded.count < table.folded.count)
    }

    @Test func theStoreTableEqualsTheStoredSummaries() throws {
        let store = try temporaryStore()
        for (number, customer) in Self.customers(120, seed: 5).enumerated() {
            try store.upsertCustomer(Customer(id: customer.id + "-\(number)", email: customer.email, description: customer.description,
                                              externalId: customer.externalId, blocked: customer.blockState == .blocked), origin: .created)
        }
        try store.apply([observation("t1", customer: "learned-from-a-deposit", state: .memPoolFound)], source: .poll)
        try store.markSynced(customerId: try store.customerIds()[0], at: Date())
        let table = try store.customerTable()
        let stored = try store.customerSummaries()
        #expect(table.count == 121)
        #expect(zip((0..<table.count).map(table.summary(at:)), stored).allSatisfy { $0.listsTheSame(as: $1) })
        #expect(stored.contains { $0.lastSyncedAt != nil } && (0..<table.count).allSatisfy { table.summary(at: $0).lastSyncedAt == nil },
                "the list does not keep when a customer was last synced")
    }

    @Test func aVeryLongTextIsKeptByItsFirst65535Bytes() {
        let long = String(repeating: "Ab", count: 40_000)
        let table = CustomerTable([CustomerSummary(id: "x", description: long)])
        #expect(table.foldedRange(.description, of: 0).count == 65_535)
        #expect(table.text(.description, of: 0) == String(long.prefix(65_535)))
        #expect(table.text(.id, of: 0) == "x")
    }

    @Test func thePreviewHasTheFirstCustomersAndThoseOfTheLatestDeposits() throws {
        let store = try temporaryStore()
        for number in 0..<30 { try store.upsertCustomer(Customer(id: "c\(number)", email: "c\(number)@example.com"), origin: .created) }
        try store.apply([observation("t1", customer: "c29", state: .memPoolFound)], source: .poll)
        let preview = try store.previewCustomers(limit: 5)
        #expect(preview.map(\.id) == ["c0", "c1", "c2", "c3", "c4", "c29"])
    }
}
