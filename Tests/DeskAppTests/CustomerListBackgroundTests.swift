import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import TerminalUI
import Testing

/// Large lists filter and sort off the UI thread: the keystroke only records what is wanted, a copy
/// computes it, and the result is taken unless the customers changed meanwhile.
@Suite struct CustomerListBackgroundTests {
    static let customers = (0..<300).map { Fixtures.customer($0, blocked: $0 % 7 == 0, pending: $0 % 5) }

    static func backgroundList(_ customers: [CustomerSummary] = customers) -> CustomerList {
        var list = CustomerList(customers)
        list.backgroundThreshold = 0
        return list
    }

    func ids(_ list: CustomerList) -> [String] { (0..<list.rowCount).compactMap { list.customer(atRow: $0)?.id } }

    @Test func aFilterComputedInTheBackgroundEqualsTheSameFilterAppliedAtOnce() throws {
        var list = Self.backgroundList()
        var direct = CustomerList(Self.customers)
        for (filter, sort) in [("customer1", nil), ("customer12", CustomerSort(column: .pending, direction: .descending)),
                               ("blocked:y", CustomerSort(column: .email)), ("", nil)] as [(String, CustomerSort?)] {
            let before = ids(list)
            list.setFilter(filter)
            list.setSort(sort)
            direct.setFilter(filter)
            direct.setSort(sort)
            #expect(ids(list) == before, "the rows wait for the computation")
            #expect(list.isComputing)
            let first = list.pendingWork()
            let work = try #require(first)
            let second = list.pendingWork()
            #expect(second == nil, "one computation at a time")
            let taken = list.adopt(work.computed())
            #expect(taken)
            #expect(!list.isComputing)
            #expect(ids(list) == ids(direct), "\(filter)")
        }
    }

    @Test func rowsComputedBeforeTheCustomersChangedAreNotTaken() throws {
        var list = Self.backgroundList()
        list.setFilter("customer2")
        let pending = list.pendingWork()
        let work = try #require(pending)
        var changed = Self.customers[20]
        changed.email = "renamed@example.com"
        list.upsert([changed])
        let stale = list.adopt(work.computed())
        #expect(!stale)
        let retried = list.pendingWork()
        let again = try #require(retried, "the wanted rows are computed again")
        let taken = list.adopt(again.computed())
        #expect(taken)
        #expect(!ids(list).contains(changed.id))
        #expect(ids(list).contains(Self.customers[2].id))
    }

    @Test func customersAreFoundByIdAfterManyAreAdded() {
        var list = CustomerList(Array(Self.customers.prefix(3)))
        list.upsert(Array(Self.customers.dropFirst(3)))
        for customer in Self.customers { #expect(list.customer(id: customer.id) == customer) }
        #expect(list.customer(id: "nobody") == nil)
    }

    @Test func theKeystrokeFrameShowsThePromptAndTheResultsFrameFollows() throws {
        var state = AppState(Fixtures.setup())
        _ = update(&state, .started)
        _ = update(&state, .customerPreviewLoaded(Array(Self.customers.prefix(5))))
        #expect(state.screenText.contains("Customers 5 loading…"))
        _ = update(&state, .customerTableLoaded(Self.backgroundList()))
        #expect(state.screenText.contains("Customers 300"))
        state.press("j", "j")
        var commands = state.press("/")
        for character in "customer29" { commands += state.press(String(character)) }
        #expect(state.screenText.contains("filtering…"))
        #expect(state.screenText.contains("customer0@example.com"), "the old rows stay until the results come")
        let work = try #require(commands.lazy.compactMap { command -> CustomerListWork? in
            if case .computeCustomerRows(let work) = command { return work }
            return nil
        }.first)
        // Later keystrokes wait for the computation in flight, which then gets what they want.
        var followUp = update(&state, .customerRowsComputed(work.computed()))
        while let next = followUp.lazy.compactMap({ command -> CustomerListWork? in
            if case .computeCustomerRows(let work) = command { return work }
            return nil
        }).first {
            followUp = update(&state, .customerRowsComputed(next.computed()))
        }
        let screen = state.screenText
        #expect(!screen.contains("filtering…"))
        #expect(screen.contains("Customers 11/300"))
        #expect(!screen.contains("customer0@example.com"))
        #expect(state.views.last.flatMap { $0 as? CustomersView }?.table.selected == 0)
    }
}
