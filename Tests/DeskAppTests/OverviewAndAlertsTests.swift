import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

@Suite struct OverviewAndAlertsTests {
    static func overviewState(width: Int = 100, height: Int = 30) -> AppState {
        var state = Fixtures.state(width: width, height: height, startView: nil)
        _ = update(&state, .overviewLoaded(Fixtures.overview))
        return state
    }

    @Test func opensOnTheOverviewAndLoadsIt() {
        var state = AppState(Fixtures.setup(startView: nil))
        #expect(state.currentView == .overview)
        #expect(update(&state, .started).contains(.loadOverview))
    }

    @Test func overviewShowsExactDecimalsAndASparkline() {
        let text = Self.overviewState().screenText
        #expect(text.contains("1.000000001"))
        #expect(text.contains("123.456"))
        #expect(text.contains("0.00012345"))
        #expect(text.contains("12/3/1"))
        #expect(text.contains("4.8%"))
        #expect(text.contains("LAST 60 MIN"))
        #expect(text.contains("█"))
        #expect(text.contains("Alerts unacknowledged"))
    }

    /// At 80×24 the sparkline goes first, the panes stay; at 40×12 the panes go too; never wider than the screen.
    @Test func overviewGivesUpPartsAsTheTerminalShrinks() {
        let medium = Self.overviewState(width: 80, height: 24).screenText
        #expect(!medium.contains("LAST 60 MIN"))
        #expect(medium.contains("Alerts unacknowledged"))
        #expect(medium.contains("VOL 24H"))
        let small = Self.overviewState(width: 40, height: 12).screenText
        #expect(!small.contains("Alerts unacknowledged"))
        #expect(small.contains("123.456"))
        for text in [medium, small] {
            #expect(text.split(separator: "\n").allSatisfy { !$0.contains("……") })
        }
    }

    @Test func enterOpensTheFeedFilteredToTheCurrency() {
        var state = Self.overviewState()
        state.press("j", "enter")
        #expect(state.currentView == .feed)
        #expect(state.data.feed.filter.text == "currency:eth")
        state.press("esc", "esc")
        #expect(state.currentView == .overview)
    }

    @Test func overviewReloadsOnTheClockWhenSomethingChanged() {
        var state = Self.overviewState()
        #expect(!update(&state, .tick(Fixtures.now.addingTimeInterval(1))).contains(.loadOverview))
        _ = update(&state, .modelEvents([.newDeposit(Fixtures.transaction("tx1", customerId: nil, state: .memPoolFound))]))
        #expect(update(&state, .tick(Fixtures.now.addingTimeInterval(2))).contains(.loadOverview))
        #expect(update(&state, .tick(Fixtures.now.addingTimeInterval(30))).contains(.loadOverview))
    }

    static func alertsState(readOnly: Bool = false) -> AppState {
        var state = Fixtures.state(readOnly: readOnly)
        state.press(":")
        state.type("alerts")
        state.press("enter")
        _ = update(&state, .alertsLoaded([Fixtures.alert(1, customer: 0), Fixtures.alert(2, customer: 2),
                                          Fixtures.alert(3, customer: nil, acknowledgedBy: "ann")]))
        return state
    }

    @Test func aAcknowledgesTheSelectedOrMarkedAlerts() {
        var state = Self.alertsState()
        #expect(state.press("a").contains(.acknowledgeAlerts([1])))
        state.press("space", "space")
        #expect(state.press("a").contains(.acknowledgeAlerts([1, 2])))
        state.press("G")
        #expect(state.press("a").isEmpty)
        #expect(state.flash?.message.text == "already acknowledged")
        #expect(update(&state, .actionFinished(.succeeded("2 alerts acknowledged"))).contains(.loadAlerts))
    }

    /// Working down the list: after `a` the selection stays on the row, now the next unacknowledged
    /// alert, instead of following the acknowledged one to the bottom.
    @Test func acknowledgingKeepsTheSelectionOnTheNextAlertToWork() {
        var state = Self.alertsState()
        #expect(state.press("a") == [.acknowledgeAlerts([1])])
        _ = update(&state, .alertsLoaded([Fixtures.alert(2, customer: 2), Fixtures.alert(1, customer: 0, acknowledgedBy: "ann"),
                                          Fixtures.alert(3, customer: nil, acknowledgedBy: "ann")]))
        guard let view = state.views.last as? AlertsView else {
            Issue.record("not on the alerts")
            return
        }
        #expect(view.alert(atRow: view.table.selected)?.id == 2)
        // A new alert arriving on top does not move the selection off the alert it is on.
        _ = update(&state, .alertsLoaded([Fixtures.alert(4, customer: 1), Fixtures.alert(2, customer: 2),
                                          Fixtures.alert(1, customer: 0, acknowledgedBy: "ann"), Fixtures.alert(3, customer: nil, acknowledgedBy: "ann")]))
        let after = state.views.last as? AlertsView
        #expect(after.flatMap { $0.alert(atRow: $0.table.selected) }?.id == 2)
    }

    @Test func alertsNameCustomersAndFilterByAcknowledgement() {
        var state = Self.alertsState()
        let text = state.screenText
        #expect(text.contains("ann@example.com"))
        #expect(text.contains("joanna@example.org"))
        #expect(text.contains("unacknowledged 2"))
        state.press("/")
        state.type("ack:no")
        state.press("enter")
        #expect(state.screenText.contains("Alerts 2/3"))
        #expect(!state.screenText.contains(" ann "))
    }

    @Test func readOnlyHasNoAcknowledgeKey() {
        var state = Self.alertsState(readOnly: true)
        #expect(state.press("a").isEmpty)
        state.press("?")
        #expect(!state.screenText.contains("acknowledge the marked"))
    }

    @Test func aNewAlertRingsTheBellOnceUnlessTurnedOff() {
        let alerts: [DeskEvent] = [.alert(Fixtures.alert(7, customer: 0)), .alert(Fixtures.alert(8, customer: 1))]
        var state = Fixtures.state()
        _ = update(&state, .countsLoaded(StoreCounts()))
        #expect(update(&state, .modelEvents(alerts)).filter { $0 == .bell }.count == 1)
        #expect(state.header.counts?.unacknowledgedAlerts == 2)
        #expect(state.screenText.contains("alerts 2"))
        var quiet = Fixtures.state(bell: false)
        #expect(!update(&quiet, .modelEvents(alerts)).contains(.bell))
    }

    @Test func feedAndAuditShowPeopleNotIds() {
        var state = Fixtures.state()
        _ = update(&state, .modelEvents([.newDeposit(Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .memPoolFound))]))
        state.press(":")
        state.type("feed")
        state.press("enter")
        #expect(state.screenText.contains("ann@example.com"))
        state.press(":")
        state.type("audit")
        state.press("enter")
        _ = update(&state, .auditLoaded([AuditRecord(id: 1, at: Fixtures.now, user: "ann", action: "customer.block",
                                                     target: Fixtures.customers[2].id, detail: nil, result: .succeeded, error: nil,
                                                     finishedAt: Fixtures.now)]))
        #expect(state.screenText.contains("joanna@example.org"))
    }

    @Test func auditRowsWrittenAsAUidShowTheLoginName() {
        let record = AuditRecord(id: 1, at: Fixtures.now, user: "uid 0", action: "customer.block", target: "x", detail: nil,
                                 result: .succeeded, error: nil, finishedAt: nil)
        #expect(OperatorName.resolving(record).user == "root")
        #expect(!OperatorActions.osUser.hasPrefix("uid "))
    }
}
