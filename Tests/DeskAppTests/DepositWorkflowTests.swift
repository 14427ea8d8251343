import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

/// Issue 14's "workflows connect": from a deposit to its customer, the feed by customer, alerts in
/// words that open their deposit, the new-address answer, bulk dialogs that name people, the next
/// step after a decline, and copying any value of a deposit.
@Suite struct DepositWorkflowTests {
    static let ann = Fixtures.customers[0]
    static let joanna = Fixtures.customers[2]

    static func feedState(readOnly: Bool = false) -> AppState {
        var state = Fixtures.state(readOnly: readOnly)
        _ = update(&state, .modelEvents([
            .newDeposit(Fixtures.transaction("tx1", customerId: ann.id, state: .memPoolFound)),
            .newDeposit(Fixtures.transaction("tx2", customerId: joanna.id, state: .memPoolFound)),
            .newDeposit(Fixtures.transaction("tx3", customerId: "ffffffff-0000-4000-8000-00000000ffff", state: .memPoolFound)),
            .newDeposit(Fixtures.transaction("tx4", customerId: nil, state: .memPoolFound)),
        ]))
        state.press(":")
        state.type("feed")
        state.press("enter")
        state.press("g")
        return state
    }

    static func transactionState(_ tx: TransactionRecord, readOnly: Bool = false) -> AppState {
        var state = feedState(readOnly: readOnly)
        state.push(TransactionView(transactionId: tx.id))
        _ = state.navigate()
        _ = update(&state, .transactionLoaded(TransactionDetailData(transaction: tx, history: [])))
        return state
    }

    // MARK: From a deposit to its customer, with one key

    @Test func cOpensTheCustomerOfAFeedLine() {
        var state = Self.feedState()
        #expect(state.press("C").contains(.loadDetail(customerId: Self.ann.id)))
        #expect(state.currentView == .customerDetail(Self.ann.id))
    }

    @Test func cOnAFeedLineOfAnUnknownCustomerSaysSoAndStays() {
        var state = Self.feedState()
        state.press("j", "j", "C")
        #expect(state.currentView == .feed)
        #expect(state.flash?.message.level == .warning)
        #expect(state.flash?.message.text.contains("customer ffffffff of deposit tx3 is not in the local store") == true)
        state.press("j", "C")
        #expect(state.currentView == .feed)
        #expect(state.flash?.message.text == "deposit tx4 names no customer")
    }

    @Test func cOpensTheCustomerOfTheDepositView() {
        var state = Self.transactionState(Fixtures.transaction("tx2", customerId: Self.joanna.id, state: .confirmed))
        #expect(state.screenText.contains("C customer"))
        state.press("C")
        #expect(state.currentView == .customerDetail(Self.joanna.id))
    }

    @Test func cOpensTheCustomerOfAnAlertAndEnterItsDeposit() {
        var state = OverviewAndAlertsTests.alertsState()
        state.press("C")
        #expect(state.currentView == .customerDetail(Self.ann.id))
        state.press("esc")
        #expect(state.currentView == .alerts)
        #expect(state.press("enter").contains(.loadTransaction(id: "tx1")))
        #expect(state.currentView == .transaction("tx1"))
        state.press("esc", "G", "C")
        #expect(state.currentView == .alerts)
        #expect(state.flash?.message.text == "this alert names no customer")
    }

    @Test func enterOnAPurseAlertOpensItsCustomerAndOnASyncAlertSaysWhy() {
        var state = OverviewAndAlertsTests.alertsState()
        let purse = AlertRecord(id: 9, at: Fixtures.now, kind: .purseDeclined, customerId: Self.ann.id, transactionId: "purse:p1",
                                message: "purse declined")
        let sync = AlertRecord(id: 10, at: Fixtures.now.addingTimeInterval(-1), kind: .syncFailing, customerId: nil, transactionId: "sync:1",
                               message: "sync failing")
        _ = update(&state, .alertsLoaded([purse, sync]))
        state.press("enter")
        #expect(state.currentView == .customerDetail(Self.ann.id))
        state.press("esc", "j", "enter")
        #expect(state.currentView == .alerts)
        #expect(state.flash?.message.text == "this alert is about no deposit or customer")
    }

    @Test func theSameKeyOpensTheCustomerInEveryDepositView() {
        for name in ["feed", "transaction", "alerts"] {
            let registration = ViewRegistry.views.first { $0.name == name }!
            #expect(registration.has(.openCustomer), "\(name)")
        }
        #expect(KeyAction.openCustomer.defaultKeys == [.character("C")])
        let others = ViewRegistry.allActions.filter { $0 != .openCustomer }
        #expect(!others.contains { $0.defaultKeys.contains(.character("C")) })
    }

    // MARK: The feed by customer

    @Test func feedFiltersByCustomerEmailOrIdPrefix() {
        var state = Self.feedState()
        state.press("/")
        state.type("customer:ann")
        state.press("enter")
        // ann@example.com and joanna@example.org both contain "ann".
        #expect(state.data.feed.rows.count == 2)
        #expect(state.screenText.contains("Live feed 2/4"))
        state.press("esc", "/")
        state.type("customer:joanna state:mempool")
        #expect(state.data.feed.entry(atRow: 0)?.transaction.id == "tx2")
        #expect(state.data.feed.rows.count == 1)
        state.press("esc", "/")
        state.type("customer:ffffffff")
        #expect(state.data.feed.rows.map { state.data.feed.entries[$0].transaction.id } == ["tx3"])
    }

    @Test func feedFindsADepositByItsHashOrAddress() {
        var state = Self.feedState()
        state.press("/")
        state.type("0xhash-tx2")
        state.press("enter")
        #expect(state.data.feed.rows.count == 1)
        #expect(state.data.feed.entry(atRow: 0)?.transaction.id == "tx2")
        state.press("/")
        for _ in 0..<10 { state.press("backspace") }
        state.type("0xaddr")
        state.press("enter")
        #expect(state.data.feed.rows.count == 4)
    }

    @Test func aHashInTheCustomerFilterPointsToTheFeed() {
        var state = Fixtures.state(width: 140, height: 24)
        state.press("/")
        state.type("0x853cb1690a7eb240fabc658e0d85a613941a62d0")
        state.press("enter")
        #expect(state.screenText.contains("an address or hash: :feed then / finds its deposit"), "\(state.screenText)")
        state.press("esc", "/")
        state.type("nobody@example.com")
        state.press("enter")
        #expect(!state.screenText.contains("an address or hash"))
    }

    @Test func aCustomerFilterSeesEmailsThatArriveLater() {
        var state = Self.feedState()
        state.press("/")
        state.type("customer:newbie")
        state.press("enter")
        #expect(state.data.feed.rows.isEmpty)
        let newbie = CustomerSummary(id: "ffffffff-0000-4000-8000-00000000ffff", email: "newbie@example.com", externalId: nil,
                                     description: nil, blocked: false, purseCount: 0, pendingDeposits: 0)
        _ = update(&state, .customersUpdated([newbie]))
        #expect(state.data.feed.rows.count == 1)
    }

    @Test func feedHelpListsTheCustomerFilter() {
        var state = Self.feedState()
        state.press("?")
        let entries = HelpContent.sections(state).flatMap(\.entries)
        #expect(entries.contains { $0.key == "customer:ann" })
    }

    // MARK: Alerts in words

    @Test func alertKindsReadInWordsAndFilterByWordsOrRawKind() {
        var state = OverviewAndAlertsTests.alertsState()
        _ = update(&state, .alertsLoaded([Fixtures.alert(1, customer: 0), Fixtures.alert(2, customer: 2, kind: .fundsForBlockedCustomer)]))
        let text = state.screenText
        #expect(text.contains("funds for blocked customer"))
        #expect(text.contains("compliance declined"))
        #expect(!text.contains("funds_for_blocked_customer"))
        for filter in ["kind:blocked", "kind:funds_for_blocked_customer", "kind:funds-for", "blocked customer"] {
            state.press("/")
            state.type(filter)
            state.press("enter")
            #expect(state.screenText.contains("Alerts 1/2"), "\(filter)")
            state.press("esc")
        }
    }

    // MARK: The new-address answer

    @Test func aNewAddressSaysNewAndYRightAfterCopiesIt() {
        var state = Fixtures.state()
        let answer = AddressAnswer(customer: "ann@example.com", currency: "ETH", address: "0xfresh", isNew: true)
        _ = update(&state, .actionFinished(.addressIssued(answer)))
        #expect(state.screenText.contains("NEW ETH 0xfresh · y copies it · a new address · for ann@example.com"))
        #expect(state.press("y").contains(.copy("0xfresh")))
        #expect(state.flash?.message.text == "copied 0xfresh")
        // Only right after: the next y copies the selected customer's id again.
        #expect(state.press("y").contains(.copy(Self.ann.id)))
    }

    @Test func theExistingAddressSaysSoAndAnotherKeyWithdrawsTheOffer() {
        var state = Fixtures.state()
        let answer = AddressAnswer(customer: "ann@example.com", currency: "ETH", address: "0xold", isNew: false)
        _ = update(&state, .actionFinished(.addressIssued(answer)))
        #expect(state.flash?.message.text == "EXISTING ETH 0xold · y copies it · the active address, no new one issued · for ann@example.com")
        state.press("j")
        #expect(state.press("y") == [.copy(Fixtures.customers[1].id)])
        _ = update(&state, .actionFinished(.addressIssued(answer)))
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(60)))
        #expect(state.flash == nil)
        #expect(state.press("y") == [.copy(Fixtures.customers[1].id)])
    }

    /// At 80 columns the status line keeps the word, the whole address and its key (it cut them before).
    @Test func theAddressAnswerKeepsTheAddressWholeAt80Columns() {
        var state = Fixtures.state(width: 80, height: 24)
        let address = "0x178db7aac866b4925be4ed3215894a7b64efcc1e"
        _ = update(&state, .actionFinished(.addressIssued(AddressAnswer(customer: "customer15@sandbox.test", currency: "USDT_ERC20",
                                                                       address: address, isNew: false))))
        let status = DashboardScreen.render(state).text(row: 23)
        #expect(status.contains("EXISTING USDT_ERC20 \(address) · y copies it"), "\(status)")
    }

    // MARK: Bulk dialogs name the customers

    @Test func aBulkBlockNamesTheFirstThreeAndCountsTheRest() {
        var state = Fixtures.state()
        state.press("space", "space", "space", "space", "space", "b")
        // bob is blocked already, so four are asked about.
        #expect(state.screenText.contains("Block 4 customers"))
        guard case .confirm(let dialog)? = state.modal else {
            Issue.record("b opened no dialog")
            return
        }
        #expect(dialog.pending.question(describing: state.describeOne, naming: { state.describe([$0]) })
            .hasPrefix("Block 4 marked customers (ann@example.com, joanna@example.org, zed@example.net and 1 more)?"))
        let question = PendingAction.block(["a", "b", "c", "d", "e"]).question(describing: { $0 }, naming: { "\($0)@x" })
        #expect(question.hasPrefix("Block 5 marked customers (a@x, b@x, c@x and 2 more)?"))
        let two = PendingAction.unblock(["a", "b"]).question(describing: { $0 }, naming: { "\($0)@x" })
        #expect(two == "Unblock 2 marked customers (a@x, b@x)?")
    }

    @Test func theBulkDialogOnScreenShowsEmails() {
        var state = Fixtures.state(width: 140, height: 40)
        state.press("space", "space", "space", "space", "space", "b")
        let dialogLines = state.screenText.split(separator: "\n").filter { $0.contains("│") }.joined(separator: " ")
        for email in ["ann@example.com", "joanna@example.org", "zed@example.net"] { #expect(dialogLines.contains(email), "\(dialogLines)") }
        #expect(!dialogLines.contains("carl@example.com"))
    }

    // MARK: The next step after a decline

    @Test func aDeclinedDepositSaysItsAddressIsDeclinedAndNIssuesANewOne() {
        var state = Self.transactionState(Fixtures.transaction("tx1", customerId: Self.ann.id, state: .declined))
        let text = state.screenText
        // One name: the help, the hints and the title all say "deposit".
        #expect(text.contains(" Deposit tx1") && !text.contains("Transaction tx1"), "\(text)")
        #expect(text.contains("Next step"))
        #expect(text.contains("Next step   its address is declined now; n issues a new ETH address"))
        state.press("n")
        guard case .picker(let picker)? = state.modal else {
            Issue.record("n opened no currency picker")
            return
        }
        #expect(picker.customerId == Self.ann.id)
    }

    @Test func nAfterADeclinedDepositPreselectsItsCurrency() {
        var state = Self.transactionState(Fixtures.transaction("tx1", customerId: Self.ann.id, state: .declined, currency: "BTC"))
        state.press("n")
        guard case .picker(let picker)? = state.modal else {
            Issue.record("n opened no currency picker")
            return
        }
        #expect(picker.state.selectedOption.map { picker.options[$0].currency.rawValue } == "BTC")
        // The fixture lists ETH first: enter right away asks for BTC, the deposit's currency.
        #expect(state.press("enter").contains(.requestAddress(customerId: Self.ann.id, currency: "BTC")))
    }

    @Test func aConfirmedDepositHasNoNextStepAndReadOnlyNamesNoKey() {
        let confirmed = Self.transactionState(Fixtures.transaction("tx1", customerId: Self.ann.id, state: .confirmed))
        #expect(!confirmed.screenText.contains("Next step"))
        let readOnly = Self.transactionState(Fixtures.transaction("tx1", customerId: Self.ann.id, state: .declined), readOnly: true)
        #expect(readOnly.screenText.contains("it needs a new ETH address (read-only here)"))
        #expect(!readOnly.screenText.contains("n issues"))
    }

    @Test func theCustomerDetailSaysTheNextStepOnADeclinedPurseOrDeposit() {
        var state = Fixtures.state()
        state.press("enter")
        _ = update(&state, .detailLoaded(ScreenTests.detail()))
        #expect(!state.screenText.contains("n issues"))
        let declinedRow = state.screenText.split(separator: "\n").firstIndex { $0.contains("bc1qdeclined") }!
        let purseRow = state.screenText.split(separator: "\n").firstIndex { $0.contains("┬ USDT_BSC") }!
        for _ in 0..<(declinedRow - purseRow) { state.press("j") }
        #expect(state.screenText.contains("this BTC address is declined (a deposit failed compliance); n issues a new BTC address"))
        state.press("tab")
        #expect(state.screenText.contains("its address 0xaddr is declined now; n issues a new ETH address"))
    }

    // MARK: Copying any value of a deposit

    @Test func yInTheDepositViewOffersHashIdAddressAndCustomer() {
        var tx = Fixtures.transaction("tx1", customerId: Self.ann.id, state: .confirmed)
        tx.addressFrom = "0xsender"
        var state = Self.transactionState(tx)
        #expect(state.press("y").isEmpty)
        guard case .copyChooser(let chooser)? = state.modal else {
            Issue.record("y opened no chooser")
            return
        }
        #expect(chooser.choices.map(\.label) == ["hash", "id", "address", "from (sender)", "customer id"])
        let text = state.screenText
        #expect(text.contains("h  hash           0xhash-tx1"))
        #expect(text.contains("a  address        0xaddr"))
        #expect(text.contains("y/enter copy"))
        #expect(state.press("y").contains(.copy("0xhash-tx1")))
        #expect(state.modal == nil)
        state.press("y")
        #expect(state.press("a").contains(.copy("0xaddr")))
        state.press("y", "j", "j")
        #expect(state.press("enter").contains(.copy("0xaddr")))
        state.press("y")
        #expect(state.press("c").contains(.copy(Self.ann.id)))
        state.press("y")
        #expect(state.press("esc").isEmpty)
        #expect(state.modal == nil)
    }

    @Test func theDepositViewsHelpSaysWhatYDoes() {
        var state = Self.transactionState(Fixtures.transaction("tx1", customerId: Self.ann.id, state: .confirmed))
        state.press("?")
        #expect(state.screenText.contains("chooser"))
    }
}
