import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import TerminalUI
import Testing

@Suite struct CustomerListTests {
    static let many = (0..<2_000).map { Fixtures.customer($0, blocked: $0 % 7 == 0, pending: $0 % 5) }

    /// A plain scan over the customers' lowercased texts, without the list's index.
    func brute(_ list: [CustomerSummary], _ filter: String) -> Set<String> {
        let terms = CustomerFilter(filter).terms
        return Set(list.filter { customer in terms.allSatisfy { Self.reference($0, customer) } }.map(\.id))
    }

    static func reference(_ term: CustomerFilter.Term, _ customer: CustomerSummary) -> Bool {
        func has(_ text: String?) -> Bool {
            let haystack = Array((text ?? "").lowercased().utf8)
            return term.needle.isEmpty || (0..<max(0, haystack.count - term.needle.count + 1)).contains {
                haystack[$0..<$0 + term.needle.count].elementsEqual(term.needle)
            }
        }
        switch term.field {
        case .any: return has(customer.email) || has(customer.id) || has(customer.externalId) || has(customer.description)
        case .text(.email): return has(customer.email)
        case .text(.id): return has(customer.id)
        case .text(.externalId): return has(customer.externalId)
        case .text(.description): return has(customer.description)
        case .blocked:
            if term.value.isEmpty { return true }
            if "yes".hasPrefix(term.value) || "true".hasPrefix(term.value) { return customer.blocked }
            if "no".hasPrefix(term.value) || "false".hasPrefix(term.value) { return !customer.blocked }
            return false
        }
    }

    /// `decomposed` adds "e" + U+0301, which String comparison does not order consistently with "é"
    /// ("é" == "e\u{301}" and "é" < "é1", yet not "e\u{301}" < "é1"), so no sort can be checked with it.
    static func randomCustomers(_ count: Int, from first: Int = 0, decomposed: Bool = false,
                                using generator: inout some RandomNumberGenerator) -> [CustomerSummary] {
        let pieces = ["a", "b", "ab", "Ba", "é", "貴", "-", "1", "12", ""] + (decomposed ? ["e\u{301}"] : [])
        func text() -> String? {
            Int.random(in: 0..<6, using: &generator) == 0 ? nil : (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        return (first..<first + count).map { number in
            CustomerSummary(id: "c\(number % 7)-\(number)", email: text(), externalId: text(), description: text(),
                            blocked: Bool.random(using: &generator), purseCount: Int.random(in: 0...3, using: &generator),
                            pendingDeposits: Int.random(in: 0...3, using: &generator),
                            lastDepositAt: Bool.random(using: &generator) ? nil : Date(timeIntervalSince1970: Double(Int.random(in: 0...5, using: &generator))))
        }
    }

    func shown(_ list: CustomerList) -> [String] { (0..<list.rowCount).compactMap { list.customer(atRow: $0)?.id } }

    /// The order the list had when it held `CustomerSummary` values: Swift's comparison of the values, missing ones last.
    static func referenceAscending(_ column: CustomerColumn, _ a: CustomerSummary, _ b: CustomerSummary) -> Bool? {
        func order<Value: Comparable>(_ a: Value?, _ b: Value?) -> Bool? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, _): return false
            case (_, nil): return true
            case let (a?, b?): return a == b ? nil : a < b
            }
        }
        switch column {
        case .id: return order(a.id, b.id)
        case .email: return order(a.email, b.email)
        case .externalId: return order(a.externalId, b.externalId)
        case .description: return order(a.description, b.description)
        case .blocked: return order(a.blockState.sortRank, b.blockState.sortRank)
        case .purses: return order(a.purseCount, b.purseCount)
        case .pending: return order(a.pendingDeposits, b.pendingDeposits)
        case .lastDeposit: return order(a.lastDepositAt, b.lastDepositAt)
        }
    }

    @Test func narrowingGivesTheSameRowsAsAFullScan() {
        var list = CustomerList(Self.many)
        var typed = ""
        for character in "email:customer1" {
            typed.append(character)
            list.setFilter(typed)
            #expect(Set(shown(list)) == brute(Self.many, typed), "after \(typed)")
        }
        list.setFilter("email:customer1 blocked:y")
        #expect(Set(shown(list)) == brute(Self.many, "email:customer1 blocked:y"))
        list.setFilter("email")
        #expect(list.rowCount == brute(Self.many, "email").count)
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
        changed.blockState = .notBlocked
        list.upsert([changed, Fixtures.customer(5_000, pending: 50)])
        #expect(list.customer(atRow: 0)?.id == changed.id)
        #expect(list.customer(atRow: 1)?.pendingDeposits == 50)
        let pendings = (0..<list.rowCount).compactMap { list.customer(atRow: $0)?.pendingDeposits }
        #expect(pendings == pendings.sorted(by: >))
        #expect(list.row(of: changed.id) == 0)
        var blocked = changed
        blocked.blockState = .blocked
        list.upsert([blocked])
        #expect(list.row(of: changed.id) == nil)
    }

    @Test func aMatchMustNotSpanTwoFields() {
        let list = [CustomerSummary(id: "x", email: "ab", externalId: "cd", description: "ef")]
        #expect(brute(list, "bc").isEmpty)
        #expect(CustomerList(list).rowsAfter("bc").rowCount == 0)
        #expect(CustomerList(list).rowsAfter("cd").rowCount == 1)
        #expect(CustomerList(list).rowsAfter("email:cd").rowCount == 0)
    }

    @Test func typedAndBackspacedFiltersMatchAFullScan() {
        var generator = SeededGenerator(seed: 7)
        var customers = Self.randomCustomers(600, decomposed: true, using: &generator)
        var list = CustomerList(customers).sorted(CustomerSort(column: .purses, direction: .descending))
        var fresh = list
        let keys = ["a", "b", "1", "-", "é", "貴", " ", ":", "\u{301}", "e", "x", "t", "⌫", "⌫", "⌫"]
        var typed = ""
        for step in 0..<1_500 {
            let key = step % 400 == 0 ? ["email:", "ext:", "blocked:y", "desc:", "id:c1"].randomElement(using: &generator)! : keys.randomElement(using: &generator)!
            if key == "⌫" { _ = typed.popLast() } else { typed += key }
            if step % 97 == 0 { typed = "" }
            if step % 150 == 75 {
                var changed = Self.randomCustomers(2, from: 1000 + step, decomposed: true, using: &generator)
                changed[0].id = customers[step % customers.count].id
                customers[step % customers.count] = changed[0]
                customers.append(changed[1])
                list.upsert(changed)
                fresh = CustomerList(customers).sorted(fresh.sort)
            }
            list.setFilter(typed)
            #expect(Set(shown(list)) == brute(customers, typed), "after \(typed)")
            #expect(shown(list) == shown(fresh.rowsAfter(typed)), "after \(typed)")
        }
    }

    @Test func cachedSortOrdersEqualAFreshSortAfterUpserts() {
        var generator = SeededGenerator(seed: 11)
        var customers = Self.randomCustomers(400, using: &generator)
        var list = CustomerList(customers)
        list.setFilter("a")
        for round in 0..<12 {
            var changed = Self.randomCustomers(5, from: round * 1000 + 1000, using: &generator)
            for position in 0..<changed.count - 2 {
                let target = Int.random(in: 0..<customers.count, using: &generator)
                changed[position].id = customers[target].id
            }
            for customer in changed {
                if let target = customers.firstIndex(where: { $0.id == customer.id }) { customers[target] = customer } else { customers.append(customer) }
            }
            list.upsert(changed)
            let sorts: [CustomerSort?] = [nil] + CustomerColumn.allCases.flatMap { column in
                [SortDirection.ascending, .descending].map { CustomerSort(column: column, direction: $0) }
            }
            for sort in sorts {
                list.setSort(sort)
                #expect(shown(list) == shown(CustomerList(customers).sorted(sort).rowsAfter("a")), "\(String(describing: sort)) round \(round)")
            }
            list.setScope(round % 2 == 0 ? .blockedOnly : .all)
            list.setScope(.all)
        }
    }

    /// Large enough that the filter scan runs in several chunks on all cores and the text sort on two threads.
    @Test func largeListsFilterAndSortOnSeveralThreadsWithTheSameResult() {
        var generator = SeededGenerator(seed: 17)
        let customers = Self.randomCustomers(70_000, using: &generator)
        var list = CustomerList(customers)
        list.backgroundThreshold = .max
        #expect(ScanChunks(wordCount: (customers.count + 63) / 64, cores: 2).count > 1)
        // One letter (found from the masks), narrowed ("1" → "12"), a remembered result (back to "1"), everyone again, a changed field,
        // a second term added and extended, then removed.
        for filter in ["b", "ba", "b", "1", "12", "1", "", "email:1", "ext:1", "ext:12 b", "ext:12 ba", "ext:12 b", "ext:12", "é 貴"] {
            list.setFilter(filter)
            #expect(Set(shown(list)) == brute(customers, filter), "after \(filter)")
        }
        list.setFilter("")
        for column in [CustomerColumn.id, .email, .description] {
            list.setSort(CustomerSort(column: column))
            let precedes = { (a: Int, b: Int) in Self.referenceAscending(column, customers[a], customers[b]) ?? (a < b) }
            #expect(shown(list) == customers.indices.sorted(by: precedes).map { customers[$0].id }, "\(column)")
        }
    }

    /// Texts that share a long prefix, equal it, differ past the first 8 bytes after it, or only in case.
    @Test func textSortByKeyPrefixKeepsTheFullOrder() {
        let emails: [String?] = ["customer", "customer1", "customer10", nil, "customer123456789b", "customer123456789a", "customer",
                                 "customer\u{0}", "Customer2", "customer123456789", "customer2", nil, "customerÉ", "customere", "customer12345678"]
        let customers = emails.enumerated().map { CustomerSummary(id: "c\($0.offset)", email: $0.element) }
        let precedes = { (a: Int, b: Int) in Self.referenceAscending(.email, customers[a], customers[b]) ?? (a < b) }
        #expect(shown(CustomerList(customers).sorted(CustomerSort(column: .email))) == customers.indices.sorted(by: precedes).map { customers[$0].id })
        let shared = (0..<300).map { CustomerSummary(id: "customer-\(String(repeating: "x", count: $0 % 20))\(299 - $0)") }
        let sharedPrecedes = { (a: Int, b: Int) in Self.referenceAscending(.id, shared[a], shared[b]) ?? (a < b) }
        #expect(shown(CustomerList(shared).sorted(CustomerSort(column: .id))) == shared.indices.sorted(by: sharedPrecedes).map { shared[$0].id })
    }

    @Test func descendingIsAscendingReversed() {
        var generator = SeededGenerator(seed: 3)
        let customers = Self.randomCustomers(500, using: &generator)
        for column in CustomerColumn.allCases {
            let precedes = { (a: Int, b: Int) in Self.referenceAscending(column, customers[b], customers[a]) ?? (b < a) }
            let descending = CustomerList(customers).sorted(CustomerSort(column: column, direction: .descending))
            #expect(shown(descending) == customers.indices.sorted(by: precedes).map { customers[$0].id }, "\(column)")
            let ascending = CustomerList(customers).sorted(CustomerSort(column: column))
            #expect(shown(ascending) == shown(descending).reversed(), "\(column)")
        }
    }
}

extension CustomerList {
    func sorted(_ sort: CustomerSort?) -> CustomerList {
        var list = self
        list.setSort(sort)
        return list
    }

    func rowsAfter(_ filter: String) -> CustomerList {
        var list = self
        list.setFilter(filter)
        return list
    }
}

typealias SeededGenerator = SplitMix64
