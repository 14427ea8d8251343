import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

/// Every view with seeded data, rendered into the test buffer at three sizes and compared whole
/// with `Golden/<view>-<width>x<height>.txt`. `PURSEDESK_RECORD=1 swift test --filter GoldenScreenTests`
/// writes the files anew (then read the diff before committing it).
@Suite struct GoldenScreenTests {
    static let sizes = [(100, 30), (80, 24), (40, 12)]
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["PURSEDESK_RECORD"] == "1"

    static let feedEvents: [DeskEvent] = [
        .newDeposit(Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .memPoolFound)),
        .stateChanged(Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .pendingComplianceCheck), from: .memPoolFound),
        .newDeposit(Fixtures.transaction("tx2", customerId: Fixtures.customers[2].id, state: .memPoolFound, currency: "USDT_TRX")),
        .stateChanged(Fixtures.transaction("tx3", customerId: "99999999-0000-4000-8000-000000000000", state: .declined, currency: "BTC"),
                      from: .pendingComplianceCheck),
    ]

    static func open(_ command: String, _ state: inout AppState) {
        state.press(":")
        state.type(command)
        state.press("enter")
    }

    /// The state showing each view, by name.
    static func views(width: Int, height: Int) -> [(String, AppState)] {
        var views: [(String, AppState)] = []
        var overview = Fixtures.state(width: width, height: height, startView: nil)
        _ = update(&overview, .modelEvents(feedEvents))
        _ = update(&overview, .overviewLoaded(Fixtures.overview))
        _ = update(&overview, .countsLoaded({
            var counts = StoreCounts()
            (counts.customers, counts.blocked, counts.pendingDeposits, counts.unacknowledgedAlerts) = (5, 1, 2, 2)
            counts.pursesByStatus = ["PENDING_PAYMENT": 17, "DECLINED": 1]
            return counts
        }()))
        views.append(("overview", overview))

        var customers = Fixtures.state(width: width, height: height)
        customers.press("j", "space")
        views.append(("customers", customers))

        var blocked = customers
        open("blocked", &blocked)
        views.append(("blocked", blocked))

        var detail = Fixtures.state(width: width, height: height)
        detail.press("enter")
        var detailData = ScreenTests.detail()
        detailData.caseNotes = CaseNotesTests.history
        _ = update(&detail, .detailLoaded(detailData))
        views.append(("customer", detail))

        var feed = Fixtures.state(width: width, height: height)
        _ = update(&feed, .modelEvents(feedEvents))
        open("feed", &feed)
        views.append(("feed", feed))

        var transaction = feed
        transaction.press("k", "k", "k", "enter")
        let tx = Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .pendingComplianceCheck)
        _ = update(&transaction, .transactionLoaded(TransactionDetailData(transaction: tx, history: [])))
        views.append(("transaction", transaction))

        var alerts = Fixtures.state(width: width, height: height)
        open("alerts", &alerts)
        _ = update(&alerts, .alertsLoaded([Fixtures.alert(1, customer: 0), Fixtures.alert(2, customer: 2, kind: .fundsForBlockedCustomer),
                                           Fixtures.alert(3, customer: nil, kind: .syncFailing, acknowledgedBy: "ann")]))
        views.append(("alerts", alerts))

        var audit = Fixtures.state(width: width, height: height)
        open("audit", &audit)
        _ = update(&audit, .auditLoaded([
            AuditRecord(id: 2, at: Fixtures.now, user: "ann", action: "alert.acknowledge", target: "alert 3", detail: "3",
                        result: .succeeded, error: nil, finishedAt: Fixtures.now),
            AuditRecord(id: 1, at: Fixtures.now.addingTimeInterval(-90), user: "ann", action: "customer.block", target: Fixtures.customers[1].id,
                        detail: "confirmed by ann; reason: T-123", result: .failed, error: "HTTP 503", finishedAt: Fixtures.now),
        ]))
        views.append(("audit", audit))

        var accounts = Fixtures.state(width: width, height: height)
        open("accounts", &accounts)
        _ = update(&accounts, .accountsLoaded(AccountsViewTests.list))
        views.append(("accounts", accounts))
        return views
    }

    @Test(arguments: sizes) func everyViewMatchesItsGoldenScreen(width: Int, height: Int) throws {
        let views = Self.views(width: width, height: height)
        #expect(Set(views.map(\.0)) == Set(ViewRegistry.views.map(\.name)), "a registered view has no golden screen")
        for (name, state) in views {
            #expect(state.currentView.name == name)
            let text = DashboardScreen.render(state).textLines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                .joined(separator: "\n") + "\n"
            let file = Self.directory.appendingPathComponent("\(name)-\(width)x\(height).txt")
            if Self.recording {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
                Issue.record("no golden screen \(file.lastPathComponent); PURSEDESK_RECORD=1 writes it")
                continue
            }
            #expect(text == golden, "\(file.lastPathComponent) differs; PURSEDESK_RECORD=1 rewrites it, then read the diff")
        }
    }
}
