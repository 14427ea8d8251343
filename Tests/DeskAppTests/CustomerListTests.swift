@testable import DeskApp
import DeskModel
import Testing

@Suite struct CustomerListTests {
    static let many = (0..<2_000).map { Fixtures.customer($0, blocked: $0 % 7 == 0, pending: $0 % 5) }

    func brute(_ list: [CustomerSummary], _ filter: String) -> Set<String> {
        let matcher = CustomerFilter(filter)
        return Set(list.filter { matcher.matches(CustomerSearchFields($0), blocked: $0.blocked) }.map(\.id))
    }

    @Test func narrowingGivesTheSameRowsAsAFullScan() {
        var list = CustomerList(Self.many)
        var typed = ""
        for character in "email:customer1" {
            typed.append(character)
            list.setFilter(typed)
            #expect(Set(list.rows.map { list.customers[$0].id }) == brute(Self.many, typed), "after \(typed)")
        }
        list.setFilter("email:customer1 blocked:y")
        #expect(Set(list.rows.map { list.customers[$0].id }) == brute(Self.many, "email:customer1 blocked:y"))
        list.setFilter("email")
        #expect(list.rows.count == brute(Self.many, "email").count)
    }

    @Test func substringSearchesEveryField() {
        let list = [Fixtures.customer(1, email: "ann@example.com", externalId: "X-77")]
        #expect(brute(list, "x-77").count == 1)
        #expect(brute(list, "ANN").count == 1)
        #expect(brute(list, "number 2").isEmpty)
        #expect(brute(list, "number").count == 1)
        #expect(brute(list, "00000001").count == 1)
        #expect(brute(list, "blocked:no").count == 1)
        #expect(brute(list, "blocked:maybe").isEmpty)
    }

    @Test func upsertKeepsTheSortOrder() {
        var list = CustomerList(Self.many)
        list.setSort(CustomerSort(column: .pending, direction: .descending))
        list.setFilter("blocked:no")
        var changed = Self.many[3]
        changed.pendingDeposits = 99
        changed.blocked = false
        list.upsert([changed, Fixtures.customer(5_000, pending: 50)])
        #expect(list.customer(atRow: 0)?.id == changed.id)
        #expect(list.customer(atRow: 1)?.pendingDeposits == 50)
        let pendings = list.rows.map { list.customers[$0].pendingDeposits }
        #expect(pendings == pendings.sorted(by: >))
        #expect(list.row(of: changed.id) == 0)
        var blocked = changed
        blocked.blocked = true
        list.upsert([blocked])
        #expect(list.row(of: changed.id) == nil)
    }
}
