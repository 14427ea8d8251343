import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing

/// A customer known only from deposits is shown as `?`, matched by `blocked:unknown`, kept out
/// of `:blocked` and counted apart in the header.
@Suite struct BlockedUnknownTests {
    static let unknown = CustomerSummary(id: "00000009-0000-4000-8000-000000000009", email: "seen@example.com", blocked: nil)

    func state() -> AppState {
        var state = Fixtures.state(width: 120, height: 30)
        _ = update(&state, .customersUpdated([Self.unknown]))
        var counts = StoreCounts()
        counts.customers = 6
        counts.blocked = 1
        counts.blockedUnknown = 1
        counts.pursesByStatus = ["PENDING_PAYMENT": 4, "DECLINED": 1]
        _ = update(&state, .countsLoaded(counts))
        return state
    }

    @Test func shownAsQuestionMarkWithALegendAndCountedApart() {
        let text = state().screenText
        let row = text.split(separator: "\n").first { $0.contains("seen@example.com") }
        #expect(row.map { $0.contains(" ? ") } == true, "\(text)")
        #expect(!(row?.contains(" no ") ?? true))
        #expect(text.contains("? = blocked not known yet"))
        #expect(text.contains("blocked 1") && text.contains("blocked? 1"))
        #expect(text.contains("purses: active 4 archived 0 declined 1"))
    }

    @Test func filterAndScope() {
        var state = state()
        state.press("/")
        state.type("blocked:unknown")
        state.press("enter")
        #expect(state.visibleEmails == ["seen@example.com"])
        state.press("/")
        for _ in 0..<7 { state.press("backspace") }
        state.type("no")
        state.press("enter")
        #expect(!state.visibleEmails.contains("seen@example.com") && state.visibleEmails.count == 4)
        state.press("esc", ":")
        state.type("blocked")
        state.press("enter")
        #expect(state.visibleEmails == ["bob@example.com"])
        // `:blocked` cannot list the customers it does not know about, and says so.
        #expect(state.screenText.contains("1 more not known yet (?)"), "\(state.screenText)")
    }

    @Test(arguments: [80, 60]) func blockedWithNoneKnownSaysWhereTheUnknownAreWithoutCuttingIt(width: Int) {
        var state = Fixtures.state(width: width, height: 24)
        // Every customer seen only in deposits: nothing is known to be blocked.
        _ = update(&state, .customersUpdated(Fixtures.customers.map { var customer = $0; customer.blockState = .unknown; return customer }))
        var counts = StoreCounts()
        (counts.customers, counts.blockedUnknown) = (5, 5)
        _ = update(&state, .countsLoaded(counts))
        state.press(":")
        state.type("blocked")
        state.press("enter")
        let lines = DashboardScreen.render(state).textLines
        #expect(lines[2].contains("5 more not known yet (?)") && !lines[2].contains("…"), "\(width): \(lines[2])")
        #expect(lines.contains { $0.contains("none known to be blocked") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func xInTheDetailAsksForAnExport() {
        var state = Fixtures.state()
        state.press("enter")
        #expect(state.press("x") == [.exportDeposits(customerId: Fixtures.customers[0].id)])
        #expect(state.screenText.contains("export"))
    }

    @Test func auditRowsShowDateTimeEmailAndWhatChanged() {
        var state = Fixtures.state(width: 140, height: 20)
        state.press(":")
        state.type("audit")
        state.press("enter")
        let record = AuditRecord(id: 1, at: Fixtures.now, user: "alice", action: "purse.address", target: "gone-id",
                                 targetEmail: "old@example.com", detail: "currency=ETH", result: .succeeded, outcome: "new address 0xabc")
        _ = update(&state, .auditLoaded([record]))
        let text = state.screenText
        #expect(text.contains(Formatting.dateTime(Fixtures.now)) && Formatting.dateTime(Fixtures.now).count == 19)
        #expect(text.contains("old@example.com") && text.contains("currency=ETH; new address 0xabc"), "\(text)")
    }
}
