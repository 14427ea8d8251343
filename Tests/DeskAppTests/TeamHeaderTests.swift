import DeskModel
import Foundation
import Testing
import TerminalUI
@testable import DeskApp

/// The header of a desk in team mode says whether it polls or follows, and when the team store is away.
@Suite struct TeamHeaderTests {
    @Test func aFollowingDeskShowsItsRoleInsteadOfItsIdleEngine() {
        var state = Fixtures.state()
        _ = update(&state, .teamStatus(TeamStatus(role: .following, store: .connected)))
        let row = DashboardScreen.render(state).text(row: 0)
        #expect(row.contains("following"))
        #expect(!row.contains("connecting"))
    }

    @Test func aPollingDeskShowsItsConnectionAndRole() {
        var state = Fixtures.state()
        _ = update(&state, .syncStatus(.live(lastRefresh: Fixtures.now)))
        _ = update(&state, .teamStatus(TeamStatus(role: .polling, store: .connected)))
        #expect(DashboardScreen.render(state).text(row: 0).contains("live · polling"))
    }

    @Test func anUnreachableTeamStoreShowsReconnecting() {
        var state = Fixtures.state()
        _ = update(&state, .teamStatus(TeamStatus(role: .following, store: .reconnecting(reason: "connection refused"))))
        #expect(DashboardScreen.render(state).text(row: 0).contains("following · team store: reconnecting"))
    }
}
