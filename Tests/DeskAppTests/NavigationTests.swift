import CalypsoAPI
@testable import DeskApp
import DeskModel
import Testing
import TerminalUI

@Suite struct NavigationTests {
    @Test func filterByFieldNarrows() {
        var state = Fixtures.state()
        state.press("/")
        state.type("email:ann")
        #expect(state.visibleEmails == ["ann@example.com", "joanna@example.org"])
        state.press("enter")
        #expect(state.prompt == nil)
        #expect(state.data.customerFilter == "email:ann")
        state.press("esc")
        #expect(state.visibleEmails.count == 5)
    }

    @Test func blockedAndExternalIdFilters() {
        var state = Fixtures.state()
        state.press("/")
        state.type("blocked:yes")
        #expect(state.visibleEmails == ["bob@example.com"])
        state.press("esc", "/")
        state.type("ext:123")
        #expect(state.visibleEmails == ["zed@example.net"])
    }

    @Test func sortCyclesAndFlipsKeepingTheCursorOnTheCustomer() {
        var state = Fixtures.state()
        state.press("j", "j")
        #expect(state.selectedCustomer?.email == "joanna@example.org")
        state.press("s", "s")
        #expect(state.data.customers.sort == CustomerSort(column: .email))
        #expect(state.visibleEmails.first == "ann@example.com")
        #expect(state.selectedCustomer?.email == "joanna@example.org")
        state.press("S")
        #expect(state.data.customers.sort == CustomerSort(column: .email, direction: .descending))
        #expect(state.visibleEmails.first == "zed@example.net")
        #expect(state.screenText.contains("EMAIL ▼"))
        #expect(state.selectedCustomer?.email == "joanna@example.org")
    }

    @Test func commandModeSwitchesViews() {
        var state = Fixtures.state()
        state.press(":")
        state.type("feed")
        state.press("enter")
        #expect(state.currentView == .feed)
        state.press(":")
        state.type("alerts")
        #expect(state.press("enter").contains(.loadAlerts))
        state.press(":")
        state.type("blocked")
        state.press("enter")
        #expect(state.currentView == .blocked)
        #expect(state.visibleEmails == ["bob@example.com"])
        state.press("esc")
        #expect(state.currentView == .customers)
        #expect(state.visibleEmails.count == 5)
    }

    @Test func unknownCommandFlashesAnError() {
        var state = Fixtures.state()
        state.press(":")
        state.type("frobnicate")
        #expect(state.press("enter").isEmpty)
        #expect(state.flash?.message.level == .error)
        #expect(state.flash?.message.text.contains("unknown command :frobnicate") == true)
        #expect(state.currentView == .customers)
    }

    @Test(arguments: [80, 60]) func unknownCommandListsOnlyWholeCommandsThatFit(width: Int) {
        var state = Fixtures.state(width: width, height: 24)
        state.press(":")
        state.type("tx 1abfe8d7")
        _ = state.press("enter")
        let status = DashboardScreen.render(state).text(row: 23).trimmingCharacters(in: .whitespaces)
        #expect(status.hasPrefix("unknown command :tx 1abfe8d7;"), "\(status)")
        #expect(status.hasSuffix(":help lists all"), "\(width): \(status)")
        let known = Set(ViewRegistry.commandHelp.map { $0.key.split(separator: " ")[0] })
        for word in status.split(separator: " ").dropFirst(3) where word.hasPrefix(":") && word != ":help" {
            #expect(known.contains(word), "\(width): \(word) is cut in \(status)")
        }
    }

    @Test func quitOnlyFromTheTopView() {
        var state = Fixtures.state()
        state.press("enter")
        #expect(state.currentView == .customerDetail(Fixtures.customers[0].id))
        #expect(!state.press("q").contains(.quit))
        #expect(state.currentView == .customers)
        #expect(state.press("q").contains(.quit))
        #expect(state.shouldQuit)
    }

    @Test func openingADetailFocusesTheEngineAndLeavingUnfocuses() {
        var state = Fixtures.state()
        let opened = state.press("enter")
        let id = Fixtures.customers[0].id
        #expect(opened.contains(.loadDetail(customerId: id)))
        #expect(opened.contains(.focus(customerId: id)))
        #expect(state.press("esc").contains(.focus(customerId: nil)))
    }

    @Test func scrollingTellsTheEngineWhichCustomersAreVisible() {
        var state = AppState(Fixtures.setup(width: 100, height: 10))
        _ = update(&state, .started)
        let many = (1...50).map { Fixtures.customer($0) }
        let loaded = update(&state, .customersLoaded(many))
        guard case .setVisible(let first)? = loaded.first(where: { if case .setVisible = $0 { true } else { false } }) else {
            Issue.record("no visible ids after loading"); return
        }
        #expect(first.count == ScreenLayout(size: state.size).tableRows)
        let scrolled = state.press("ctrl-d", "ctrl-d")
        guard case .setVisible(let later)? = scrolled.last else { Issue.record("no visible ids after scrolling"); return }
        #expect(later != first)
        #expect(state.press("j").isEmpty)
    }

    @Test func changedCustomersKeepTheCursorOnTheSameCustomer() {
        var state = Fixtures.state()
        state.press("s", "s")
        state.press("j")
        let selected = state.selectedCustomer?.id
        var renamed = Fixtures.customers[0]
        renamed.email = "zzz@example.com"
        _ = update(&state, .customersUpdated([renamed, Fixtures.customer(9, email: "aaa@example.com")]))
        #expect(state.selectedCustomer?.id == selected)
        #expect(state.visibleEmails.first == "aaa@example.com")
        #expect(state.visibleEmails.last == "zzz@example.com")
    }

    @Test func feedFollowsAndPauses() {
        var state = Fixtures.state()
        state.press(":")
        state.type("feed")
        state.press("enter")
        let events = (1...3).map { DeskEvent.newDeposit(Fixtures.transaction("tx\($0)", customerId: Fixtures.customers[0].id, state: .memPoolFound)) }
        let commands = update(&state, .modelEvents(events))
        #expect(commands.contains(.reloadCustomers([Fixtures.customers[0].id])))
        #expect(state.data.feed.rows.count == 3)
        #expect(state.topTable.selected == 2)
        state.press("p")
        _ = update(&state, .modelEvents([.stateChanged(Fixtures.transaction("tx1", customerId: nil, state: .declined), from: .memPoolFound)]))
        #expect(state.data.feed.rows.count == 3)
        #expect(state.screenText.contains("PAUSED +1"))
        state.press("p")
        #expect(state.data.feed.rows.count == 4)
        #expect(state.topTable.selected == 3)
        state.press("/")
        state.type("state:declined")
        #expect(state.data.feed.rows.count == 1)
        #expect(state.press("enter", "enter").contains(.loadTransaction(id: "tx1")))
    }

    @Test func keyOverridesApplyAndClashesAreReported() {
        var state = Fixtures.state(keys: ["block": "B", "unblock": "j", "nonsense": "x"])
        #expect(state.flash?.message.text.contains("keys.nonsense") == true)
        #expect(state.flash?.message.text.contains("clashes with move_down") == true)
        state.press("B")
        guard case .confirm(let dialog)? = state.modal, case .block = dialog.pending else { Issue.record("B does not block"); return }
        state.press("esc", "j")
        #expect(state.topTable.selected == 1)
    }
}
