import CalypsoAPI
@testable import DeskModel
import Foundation
import Testing

@Suite struct StoreTests {
    @Test func depositLifecycleEmitsEachChangeOnce() throws {
        let store = try temporaryStore()
        #expect(try store.apply([observation("t1", state: .memPoolFound)], source: .poll).map(\.kind) == ["customerAdded", "address", "new"])
        // The deposit proves its purse: recorded as active until the purse list says more.
        #expect(try store.purses(customerId: "c1").map { "\($0.purseId) \($0.currency) \($0.status)" } == ["p1 ETH PENDING_PAYMENT"])
        #expect(try store.customer(id: "c1")?.purseCount == 1)
        #expect(try store.apply([observation("t1", state: .memPoolFound)], source: .webhook).isEmpty)
        #expect(try store.apply([observation("t1", state: .pendingComplianceCheck)], source: .webhook).map(\.kind)
            == ["state:PENDING_COMPLIANCE_CHECK"])
        // A late mempool report after compliance changes nothing.
        #expect(try store.apply([observation("t1", state: .memPoolFound)], source: .poll).isEmpty)
        #expect(try store.apply([observation("t1", state: .confirmed)], source: .poll).map(\.kind) == ["state:CONFIRMED"])
        #expect(try store.apply([observation("t1", state: .confirmed, credited: true)], source: .poll).map(\.kind) == ["credited"])
        #expect(try store.apply([observation("t1", state: .confirmed, credited: false)], source: .poll).isEmpty)

        let changes = try store.stateChanges(transactionId: "t1")
        #expect(changes.map(\.state) == [.memPoolFound, .pendingComplianceCheck, .confirmed, .confirmed])
        #expect(changes.map(\.source) == [.poll, .webhook, .poll, .poll])
        let stored = try #require(try store.transaction(id: "t1"))
        #expect(stored.isSettled && stored.amount == "1.5")
        #expect(try store.customer(id: "c1")?.pendingDeposits == 0)
    }

    @Test func pendingCountAndLastDepositFollowTheDeposits() throws {
        let store = try temporaryStore()
        try store.apply([observation("a", state: .memPoolFound), observation("b", state: .pendingComplianceCheck),
                         observation("c", state: .confirmed)], source: .poll)
        let customer = try #require(try store.customer(id: "c1"))
        #expect(customer.pendingDeposits == 2 && customer.lastDepositAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(try store.counts().pendingDeposits == 2)
        #expect(try store.oldestOpenDepositDate() != nil)
    }

    @Test func declineRaisesAnAlertAndDeclinesThePurse() throws {
        let store = try temporaryStore()
        try store.recordPurses([Purse(id: "p1", address: "0xaddr", currency: "ETH", blockchain: "ETHEREUM", status: .pendingPayment)],
                               customerId: "c1")
        let events = try store.apply([observation("t1", state: .declined)], source: .webhook).map(\.kind)
        #expect(events.contains("alert:compliance_declined") && events.contains("purseDeclined"))
        #expect(try store.purses(customerId: "c1").first?.status == .declined)
        #expect(try store.alerts().map(\.kind) == [.complianceDeclined])
        #expect(try store.apply([observation("t1", state: .declined)], source: .poll).isEmpty, "the alert is raised once")
    }

    @Test func fundsForABlockedCustomerRaiseAnAlert() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "c1", blocked: true), origin: .created)
        let events = try store.apply([observation("t1", state: .confirmed)], source: .poll).map(\.kind)
        #expect(events.contains("alert:funds_for_blocked_customer"))
        let webhookFlag = try store.apply([observation("t2", customer: "c2", state: .confirmed, blocked: true)], source: .webhook).map(\.kind)
        #expect(webhookFlag.contains("alert:funds_for_blocked_customer"))
        #expect(try store.customer(id: "c2")?.blocked == true)
    }

    @Test func pursesReportNewAddressesAndStatusChanges() throws {
        let store = try temporaryStore()
        let purse = Purse(id: "p1", address: "0xabc", currency: "ETH", blockchain: "ETHEREUM", status: .pendingPayment)
        #expect(try store.recordPurses([purse], customerId: "c1").map(\.kind) == ["customerAdded", "address"])
        #expect(try store.recordPurses([purse], customerId: "c1").isEmpty)
        var expired = purse
        expired.status = .archived
        #expect(try store.recordPurses([expired], customerId: "c1").map(\.kind) == ["expired"])
        #expect(try store.counts().pursesByStatus == ["ARCHIVED": 1])
    }

    @Test func webhookEventsAreStoredOnceAndMergeWithPolling() throws {
        let store = try temporaryStore()
        let event = WebhookEnvelope(requestId: "r", id: 42, createdDate: Date(), level: "INFO", service: "CUSTOMER_PURSE",
                                    eventType: .fundsReceived,
                                    data: WebhookEventData(customerId: "c1", customerBlocked: false, purseId: "p1", address: "0xaddr",
                                                           currency: "ETH", transactionId: "t1", amount: Amount("2")!))
        guard case .stored(let first) = try store.recordWebhook(event, rawBody: "{}") else { Issue.record("not stored"); return }
        #expect(first.map(\.kind).contains("new"))
        #expect(try store.recordWebhook(event, rawBody: "{}") == .duplicate)
        #expect(try store.webhookEventCount() == 1)
        // Polling then reports the same confirmed deposit: nothing new.
        #expect(try store.apply([observation("t1", state: .confirmed, amount: "2")], source: .poll).isEmpty)
        #expect(try store.allTransactions().count == 1)
    }

    @Test func auditRecordsPendingThenOutcome() throws {
        let store = try temporaryStore()
        let id = try store.beginAudit(action: "customer.block", target: "c1", detail: nil, user: "alice")
        #expect(try store.auditLog().first?.result == .pending)
        try store.finishAudit(id: id, result: .failed, error: "wrong signature (003)")
        let entry = try #require(try store.auditLog().first)
        #expect(entry.result == .failed && entry.error == "wrong signature (003)" && entry.user == "alice" && entry.finishedAt != nil)
    }

    @Test func survivesReopenAndForgetsLocallyOnly() throws {
        let directory = try temporaryDirectory("reopen")
        do {
            let store = try DeskStore.open(dataDirectory: directory, account: "0xabc")
            try store.apply([observation("t1", state: .confirmed)], source: .poll)
        }
        let reopened = try DeskStore.open(dataDirectory: directory, account: "0xabc")
        #expect(try reopened.transaction(id: "t1") != nil)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.forgetCustomer(id: "c1"))
        #expect(try reopened.customer(id: "c1") == nil && reopened.transactions(customerId: "c1").isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("0xabc.sqlite").path))
    }
}
