import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

/// Whole screens rendered into fixed-size buffers.
@Suite struct ScreenTests {
    static let sizes = [(100, 30), (40, 12), (20, 10)]

    /// A state on each view, with data, for the size tests.
    static func everyView(width: Int, height: Int) -> [AppState] {
        var states: [AppState] = []
        var state = Fixtures.state(width: width, height: height)
        states.append(state)
        state.press("enter")
        _ = update(&state, .detailLoaded(detail()))
        states.append(state)
        state.press("b")
        states.append(state)
        state.press("n", "esc", "?")
        states.append(state)
        state.press("esc", "esc", ":")
        state.type("feed")
        state.press("enter")
        _ = update(&state, .modelEvents([.newDeposit(Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .memPoolFound))]))
        states.append(state)
        state.press("enter")
        _ = update(&state, .transactionLoaded(TransactionDetailData(transaction: Fixtures.transaction("tx1", customerId: nil, state: .confirmed),
                                                                    history: [])))
        states.append(state)
        state.press(":")
        state.type("audit")
        state.press("enter")
        states.append(state)
        state.press(":")
        state.type("alerts")
        state.press("enter")
        states.append(state)
        state.press("c")
        states.append(state)
        return states
    }

    static func detail() -> CustomerDetailData {
        let id = Fixtures.customers[0].id
        return CustomerDetailData(
            customerId: id, customer: Fixtures.customers[0],
            purses: [
                Fixtures.purse("ETH", chain: "ETHEREUM", address: "0xshared", status: .pendingPayment, customerId: id),
                Fixtures.purse("BTC", chain: "BITCOIN", address: "bc1qdeclined", status: .declined, customerId: id),
                Fixtures.purse("USDT_BSC", chain: "BSC", address: "0xshared", status: .pendingPayment, customerId: id),
            ],
            transactions: [Fixtures.transaction("tx9", customerId: id, state: .declined)])
    }

    @Test(arguments: sizes) func everyViewRendersAtEverySize(width: Int, height: Int) {
        for state in Self.everyView(width: width, height: height) {
            let frame = DashboardScreen.render(state)
            #expect(frame.width == width && frame.height == height)
        }
    }

    @Test func headerShowsTheSandboxBadgeAndConnection() {
        var state = Fixtures.state()
        _ = update(&state, .syncStatus(.live(lastRefresh: Fixtures.now)))
        _ = update(&state, .countsLoaded({ var counts = StoreCounts(); counts.customers = 5; counts.blocked = 1; return counts }()))
        let frame = DashboardScreen.render(state)
        #expect(frame.text(row: 0).contains("SANDBOX"))
        #expect(frame.text(row: 0).contains("live"))
        #expect(frame.text(row: 1).contains("customers 5"))
        let badge = frame.find("SANDBOX")!
        #expect(frame.style(atX: badge.x, y: badge.y) == Theme.standard[.header].patched(with: Theme.standard[.badge]))
        let narrow = DashboardScreen.render(Fixtures.state(width: 40, height: 12))
        #expect(narrow.text(row: 0).contains("SANDBOX"))
    }

    @Test func staleConnectionShowsItsAgeAndReason() {
        var state = Fixtures.state()
        _ = update(&state, .syncStatus(.stale(lastSuccess: Fixtures.now.addingTimeInterval(-12), reason: "timed out")))
        #expect(DashboardScreen.render(state).text(row: 0).contains("stale 12s · timed out"))
    }

    @Test func customersTableShowsRowsAndMarks() {
        var state = Fixtures.state()
        state.press("space")
        let frame = DashboardScreen.render(state)
        let text = frame.textLines.joined(separator: "\n")
        #expect(text.contains("Customers 5"))
        #expect(text.contains("ann@example.com"))
        #expect(text.contains("BLOCKED"))
        #expect(text.contains("1 marked"))
        let mark = frame.find("●")!
        #expect(frame.text(row: mark.y).contains("ann@example.com"))
    }

    @Test func detailGroupsSharedAddressesAndColoursDeclinedPurses() {
        var state = Fixtures.state()
        state.press("enter")
        _ = update(&state, .detailLoaded(Self.detail()))
        let frame = DashboardScreen.render(state)
        let text = frame.textLines.joined(separator: "\n")
        #expect(text.contains("┬ USDT_BSC"))
        #expect(text.contains("└ ETH"))
        #expect(text.contains("〃 same address"))
        let declined = frame.find("DECLINED")!
        #expect(frame.style(atX: declined.x, y: declined.y).fg == Theme.standard[.purseDeclined].fg)
        #expect(frame.style(atX: declined.x, y: declined.y).bold)
        let active = frame.find("ACTIVE")!, unselectedRow = frame.find("└ ETH")!.y
        #expect(frame.style(atX: active.x, y: unselectedRow).fg == Theme.standard[.pursePending].fg)
        #expect(text.contains("Deposits 1"))
    }

    @Test func confirmDialogShowsTheYesKey() {
        for (width, height) in [(100, 30), (40, 12)] {
            var state = Fixtures.state(width: width, height: height)
            state.press("b")
            let text = state.screenText
            #expect(text.contains("[y]"), "at \(width)x\(height)")
            #expect(text.contains("Block customer"))
        }
    }

    @Test func helpListsTheCurrentViewsKeys() {
        var state = Fixtures.state()
        state.press("?")
        let text = state.screenText
        #expect(text.contains("This view (customers)"))
        #expect(text.contains("block the marked customers, else the selected one (asks first)"))
        // Only block and unblock put a y/n question; n, c, e and N open a picker or form whose enter acts.
        #expect(text.components(separatedBy: "(asks").count - 1 == 2, "\(text)")
        #expect(text.contains("new deposit address (currency picker)  "), "\(text)")
        #expect(!text.contains("read-only"))
    }

    @Test func statusLineShowsThePromptWhileTyping() {
        var state = Fixtures.state()
        state.press("/")
        state.type("ann")
        #expect(DashboardScreen.render(state).text(row: 29).hasPrefix("/ann"))
    }

    @Test func flashExpiresOnTheClock() {
        var state = Fixtures.state()
        state.press(":")
        state.type("nope")
        state.press("enter")
        #expect(state.screenText.contains("unknown command"))
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(60)))
        #expect(state.flash == nil)
        #expect(!state.screenText.contains("unknown command"))
    }
}
