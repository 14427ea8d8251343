import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

/// `:accounts` and the switch message, as the reducer sees them.
@Suite struct AccountsViewTests {
    static let current = "0x1234567890abcdef1234567890abcdef12345678"
    static let other = "0xfedcba0987654321fedcba0987654321fedcba09"
    static let list: [CurrentUser.AvailableAccount] = [.init(account: current, name: "Shop EU"), .init(account: other, name: "Shop US")]

    static func screen(_ state: AppState) -> String {
        DashboardScreen.render(state).textLines.joined(separator: "\n")
    }

    @Test func startAsksForTheAccountsAndTheHeaderNamesTheCurrentOne() {
        var state = AppState(Fixtures.setup())
        #expect(update(&state, .started).contains(.loadAccounts))
        #expect(!Self.screen(state).contains("Shop EU"))
        _ = update(&state, .accountsLoaded(Self.list))
        #expect(Self.screen(state).split(separator: "\n")[0].contains("pursedesk Shop EU 0x1234…5678"))
    }

    @Test func offlineNeverAsksForTheAccounts() {
        var setup = Fixtures.setup()
        setup.offline = true
        var state = AppState(setup)
        #expect(!update(&state, .started).contains(.loadAccounts))
        state.press(":")
        state.type("accounts")
        #expect(!state.press("enter").contains(.loadAccounts))
        #expect(Self.screen(state).contains("offline: the account list needs the API"))
    }

    @Test func listMarksTheCurrentAccountAndEnterSwitchesToAnother() {
        var state = Fixtures.state()
        state.press(":")
        state.type("accounts")
        #expect(state.press("enter").contains(.loadAccounts))
        _ = update(&state, .accountsLoaded(Self.list))
        let lines = Self.screen(state).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("*") && $0.contains("Shop EU") && $0.contains(Self.current) })
        #expect(lines.contains { !$0.hasPrefix("*") && $0.contains("Shop US") && $0.contains(Self.other) })

        #expect(!state.press("enter").contains { if case .switchAccount = $0 { true } else { false } })
        #expect(state.flash?.message.text.contains("already on Shop EU") == true)
        state.press("down")
        #expect(state.press("enter").contains(.switchAccount(Self.other)))
        #expect(state.flash?.message.text.contains("switching to Shop US") == true)
    }

    @Test func theSwitchMessageLeavesNothingOfThePreviousAccount() {
        var state = Fixtures.state()
        _ = update(&state, .countsLoaded(StoreCounts()))
        _ = update(&state, .feedHistoryLoaded([Fixtures.transaction("t1", customerId: Fixtures.customers[0].id, state: .confirmed)]))
        state.press(":")
        state.type("audit")
        state.press("enter")
        #expect(!state.data.customers.allSummaries.isEmpty && !state.data.feed.entries.isEmpty)

        let commands = update(&state, .accountSwitched(AccountSwitch(account: Self.other, name: "Shop US")))
        #expect(state.data.customers.allSummaries.isEmpty && state.data.feed.entries.isEmpty && state.header.counts == nil)
        #expect(state.currentView == state.startView.make!().id && state.views.count == 1, "back on the view it opened on")
        #expect(state.header.account == Self.other && state.header.accountName == "Shop US")
        for load in [AppCommand.refreshNow, .loadCustomers, .loadCounts, .loadFeedHistory] { #expect(commands.contains(load)) }
        let screen = Self.screen(state)
        #expect(screen.contains("pursedesk Shop US 0xfedc…ba09"))
        #expect(!Fixtures.customers.contains { $0.email.map(screen.contains) == true })
    }
}
