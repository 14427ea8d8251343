@testable import DeskApp
import DeskModel
import Testing
import TerminalUI

/// What the views keep as the terminal narrows: the columns a person needs, whole header items and
/// key hints, the sort marker, and the filter syntax first in the help.
@Suite struct LayoutPriorityTests {
    static func counts() -> StoreCounts {
        var counts = StoreCounts()
        (counts.customers, counts.blocked, counts.blockedUnknown, counts.pendingDeposits, counts.unacknowledgedAlerts) = (200, 12, 3, 4, 2)
        counts.pursesByStatus = ["PENDING_PAYMENT": 167, "ARCHIVED": 5, "DECLINED": 22]
        return counts
    }

    /// The header row of the table on screen (the line holding `title`).
    static func tableHeader(_ state: AppState, containing title: String) -> String {
        DashboardScreen.render(state).textLines.first { $0.contains(title) } ?? ""
    }

    @Test(arguments: [80, 100]) func customerListKeepsEmailBlockedPursesAndLastDeposit(width: Int) throws {
        let state = Fixtures.state(width: width, height: 24)
        let header = Self.tableHeader(state, containing: "EMAIL")
        for title in ["EMAIL", "BLOCKED", "PURSES", "LAST DEPOSIT"] { #expect(header.contains(title), "\(width): \(header)") }
        if width == 80 { #expect(!header.contains("EXTERNAL ID"), "external id goes before them: \(header)") }
        // The widest email fits whole.
        #expect(state.screenText.contains("joanna@example.org"))
    }

    @Test func customerListNarrowsToEmailAndBlocked() {
        let header = Self.tableHeader(Fixtures.state(width: 40, height: 12), containing: "EMAIL")
        #expect(header.contains("BLOCKED"))
        #expect(!header.contains("…"), "no column is cut: \(header)")
    }

    @Test(arguments: [80, 100]) func customerDetailDepositsKeepStateComplianceAndCredited(width: Int) throws {
        var state = Fixtures.state(width: width, height: 24)
        state.press("enter")
        _ = update(&state, .detailLoaded(ScreenTests.detail()))
        let header = Self.tableHeader(state, containing: "COMPLIANCE")
        for title in ["STATE", "COMPLIANCE", "CREDITED"] { #expect(header.contains(title), "\(width): \(header)") }
        // CURRENCY is as wide as a currency code, not the rest of the line.
        let currency = try #require(header.range(of: "CURRENCY")), amount = try #require(header.range(of: "AMOUNT"))
        #expect(header.distance(from: currency.upperBound, to: amount.lowerBound) < 12, "\(header)")
    }

    @Test func feedAt80LeavesOutTheChangeRatherThanCutEveryCell() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = update(&state, .modelEvents(GoldenScreenTests.feedEvents))
        GoldenScreenTests.open("feed", &state)
        let lines = DashboardScreen.render(state).textLines
        let header = Self.tableHeader(state, containing: "AMOUNT")
        for title in ["STATE", "AMOUNT", "CUSTOMER"] { #expect(header.contains(title), "\(header)") }
        let rows = lines.filter { $0.contains("1.5") }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { !$0.contains("…") }, "\(rows)")
        #expect(rows.contains { $0.contains("joanna@example.org") })
    }

    @Test(arguments: [80, 60]) func overviewKeepsCurrencyChainAndWhatIsInFlight(width: Int) {
        let state = OverviewAndAlertsTests.overviewState(width: width, height: 24)
        let header = Self.tableHeader(state, containing: "CURRENCY")
        for title in ["CURRENCY", "CHAIN", "MEM/CMP"] { #expect(header.contains(title), "\(width): \(header)") }
        #expect(header.contains("VOL 24H"))
        if width == 80 { for title in ["DECL%", "24H", "ACT/ARC/DEC"] { #expect(header.contains(title), "80: \(header)") } }
        #expect(!header.contains("…"), "no column is cut: \(header)")
    }

    @Test(arguments: [100, 80, 60, 40]) func alertsKeepCustomerAndMessageAndDropTheKindFirst(width: Int) {
        var state = Fixtures.state(width: width, height: 24)
        GoldenScreenTests.open("alerts", &state)
        _ = update(&state, .alertsLoaded([Fixtures.alert(1, customer: 0), Fixtures.alert(2, customer: 2, kind: .fundsForBlockedCustomer)]))
        let header = Self.tableHeader(state, containing: "CUSTOMER")
        for title in ["CUSTOMER", "MESSAGE"] { #expect(header.contains(title), "\(width): \(header)") }
        #expect(header.contains("KIND") == (width >= 100), "\(width): \(header)")
        #expect(header.contains("TIME") == (width >= 60), "\(width): \(header)")
        #expect(!header.contains("…"), "\(width): \(header)")
    }

    @Test func sortedHeaderKeepsItsMarker() {
        var state = Fixtures.state(width: 80, height: 24)
        for _ in CustomerColumn.allCases where state.data.customers.sort?.column != .blocked { state.press("s") }
        #expect(state.data.customers.sort?.column == .blocked)
        #expect(Self.tableHeader(state, containing: "EMAIL").contains("… ▲"), "the title is cut, not the marker")
        state.press("S")
        #expect(Self.tableHeader(state, containing: "EMAIL").contains("… ▼"))
        // Sorted by a column that narrow terminals leave out: the column stays, with its marker.
        var narrow = Fixtures.state(width: 60, height: 24)
        for _ in CustomerColumn.allCases where narrow.data.customers.sort?.column != .description { narrow.press("s") }
        #expect(Self.tableHeader(narrow, containing: "EMAIL").contains("DESCRIPTION ▲"))
    }

    @Test(arguments: [140, 100, 80, 60, 40]) func headerDropsWholeItems(width: Int) {
        var state = Fixtures.state(width: width, height: 24)
        _ = update(&state, .syncStatus(.live(lastRefresh: Fixtures.now)))
        _ = update(&state, .countsLoaded(Self.counts()))
        let frame = DashboardScreen.render(state)
        // The short account id has its own "…"; nothing else may be cut.
        let top = frame.text(row: 0).replacingOccurrences(of: HeaderBar.accountLabel(state.header), with: "ACCOUNT")
        let counts = frame.text(row: 1)
        #expect(!top.contains("…") && !counts.contains("…"), "\(width):\n\(top)\n\(counts)")
        for kept in ["SANDBOX", "live", "blocked 12", "alerts 2"] { #expect((top + counts).contains(kept), "\(width): \(kept)") }
        // Each item in the counts line ends in its figure.
        for item in counts.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ") {
            #expect(item.split(separator: " ").last.flatMap { Int($0) } != nil, "\(width): '\(item)' lost its figure in \(counts)")
        }
        if width >= 140 { #expect(counts.contains("purses: active 167 archived 5 declined 22") && top.contains("pursedesk ACCOUNT")) }
        if width >= 80 { #expect(counts.contains("pending deposits 4") && top.contains("08:00")) }
    }

    @Test(arguments: [100, 60, 40]) func viewTitleKeepsItsNameWholeBeforeTheNotes(width: Int) {
        var state = Fixtures.state(width: width, height: 24)
        _ = update(&state, .countsLoaded(Self.counts()))
        let title = DashboardScreen.render(state).text(row: 2)
        #expect(title.hasPrefix(" Customers 5 "), "\(width): \(title)")
        if width >= 100 { #expect(title.contains("? = blocked not known yet (seen only in deposits)")) }
    }

    @Test(arguments: [140, 100, 80, 60, 40]) func statusLineDropsWholeHintsAndKeepsHelp(width: Int) {
        let state = Fixtures.state(width: width, height: 24)
        let status = DashboardScreen.render(state).text(row: 23)
        #expect(!status.contains("…"), "\(width): \(status)")
        #expect(status.contains("? help"), "\(width): \(status)")
        let hints = StatusLine.hints(state).map { Line($0.spans).plainText }
        let shown = status.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
        #expect(shown.allSatisfy(hints.contains), "\(width): \(shown)")
        #expect(Array(hints.prefix(shown.count - 1)) == Array(shown.dropLast()), "the first hints stay, in order: \(shown)")
    }

    @Test(arguments: ["customers", "feed", "alerts"]) func helpPutsTheFilterSyntaxFirst(view: String) throws {
        var state = Fixtures.state(width: 80, height: 24, startView: view)
        state.press("?")
        let lines = DashboardScreen.render(state).textLines
        let filter = try #require(lines.firstIndex { $0.contains("Filter") }, "\(view): no Filter section on the first screen")
        #expect(lines[filter + 1].contains("/ "), "the filter key and its syntax follow the heading")
        #expect(!lines.joined().contains("`"), "no Markdown marks in the help")
        let keys = try #require(lines.firstIndex { $0.contains("This view") })
        #expect(filter < keys)
    }

    @Test func auditDetailHasRoomAt80Columns() throws {
        var state = Fixtures.state(width: 80, height: 24)
        GoldenScreenTests.open("audit", &state)
        _ = update(&state, .auditLoaded([
            AuditRecord(id: 1, at: Fixtures.now, user: "ann", action: "customer.block", target: Fixtures.customers[1].id,
                        detail: "confirmed by ann; reason: T-123", result: .failed, error: "HTTP 503", finishedAt: Fixtures.now),
        ]))
        let text = state.screenText
        #expect(text.contains("reason: T-123 · HTTP 503"), "\(text)")
        #expect(text.contains("bob@example.com"))
    }
}
