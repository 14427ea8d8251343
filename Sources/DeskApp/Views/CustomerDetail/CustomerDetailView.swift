import DeskModel
import TerminalUI

extension ViewID {
    static func customerDetail(_ customerId: String) -> ViewID { ViewID("customer", customerId) }
}

extension KeyAction {
    static let nextPane = KeyAction("next_pane", keys: [.tab], summary: "switch purses / deposits", hint: "pane")
    static let qrCode = KeyAction("qr_code", keys: [.character("Q")], summary: "address as a QR code", hint: "qr")
    static let exportDeposits = KeyAction("export", keys: [.character("x")], summary: "export the deposits as CSV", hint: "export")
}

/// One customer: their purses per currency and chain (grouped by shared address), their deposits
/// and the case notes.
struct CustomerDetailView: DeskView {
    let customerId: String
    var detail: CustomerDetailData
    var pane = DetailPane.purses
    var purseTable = TableState()
    var transactionTable = TableState()

    init(customerId: String, customer: CustomerSummary?) {
        self.customerId = customerId
        detail = CustomerDetailData(customerId: customerId, customer: customer, purses: [], transactions: [])
    }

    var id: ViewID { .customerDetail(customerId) }

    static let registration = ViewRegistration(
        name: "customer", heading: "Customer detail",
        keys: [
            ViewKey(.nextPane, "switch between purses and deposits"),
            ViewKey(.open, "on a deposit: its state history"),
            ViewKey(.copy, "copy the purse address, or the deposit's hash"),
            ViewKey(.qrCode, "on a purse: its address as a QR code to scan"),
            ViewKey(.newAddress, "new deposit address (currency picker)"),
            ViewKey(.block, "block the customer"),
            ViewKey(.unblock, "unblock the customer"),
            ViewKey(.edit, "edit the customer (form)"),
            ViewKey(.create, "create a customer (form)"),
            ViewKey(.addNote, "add a case note (kept in the audit log; listed at the bottom with blocks and their reasons)"),
            ViewKey(.exportDeposits, "export every stored deposit of the customer as CSV into the current directory (or export_dir); never overwrites"),
        ],
        hints: [.back, .nextPane, .newAddress, .copy, .qrCode, .exportDeposits, .block, .unblock, .addNote, .edit, .open, .help])

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadDetail(customerId: customerId)] }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        switch action {
        case .nextPane:
            pane = pane == .purses ? .transactions : .purses
        case .open:
            guard pane == .transactions, let tx = detail.transactions[safe: transactionTable.selected] else {
                if pane == .purses, !detail.transactions.isEmpty { shell.showFlash("tab switches to the transactions", level: .info) }
                return []
            }
            shell.push(TransactionView(transactionId: tx.id))
        case .qrCode:
            guard pane == .purses, let purse = detail.purses[safe: purseTable.selected], let address = purse.address else {
                shell.showFlash("Q shows a purse's address: select one among the purses", level: .info)
                return []
            }
            let who = selectedCustomer(shell)?.email ?? Formatting.shortId(customerId)
            let chain = purse.blockchain.map { " on \($0)" } ?? ""
            shell.modal = .qrCode(title: "\(purse.currency)\(chain) · \(who)", address: address)
        case .exportDeposits:
            return [.exportDeposits(customerId: customerId)]
        default:
            let customer = selectedCustomer(shell)
            _ = shell.performCustomerAction(action, targets: customer.map { [$0] } ?? [], selected: customer)
        }
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .detailLoaded(var data) where data.customerId == customerId:
            data.purses = PurseGroups.ordered(data.purses)
            detail = data
            if data.customer == nil, shell.data.customers.customer(id: customerId) == nil {
                shell.showFlash("customer \(customerId.prefix(8)) is not in the local store", level: .warning)
            }
        case .customersUpdated(let list), .customersLoaded(let list):
            if let changed = list.last(where: { $0.id == customerId }) { detail.customer = changed }
        case .modelEvents(let events):
            if let changed = events.lazy.compactMap(\.changedCustomer).last(where: { $0.id == customerId }) { detail.customer = changed }
            if events.contains(where: { $0.customerId == customerId }) { return [.loadDetail(customerId: customerId)] }
        case .actionFinished:
            return [.loadDetail(customerId: customerId)]
        default:
            break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        let rows = shell.layout.detailRows(purseCount: detail.purses.count, caseNoteCount: detail.caseNotes.count, pane: pane)
        if pane == .purses {
            purseTable.apply(move, rowCount: detail.purses.count, visibleRows: rows)
        } else {
            transactionTable.apply(move, rowCount: detail.transactions.count, visibleRows: rows)
        }
    }

    func copyText(_ shell: AppState) -> String? {
        if pane == .purses { return detail.purses[safe: purseTable.selected]?.address }
        let tx = detail.transactions[safe: transactionTable.selected]
        return tx?.hash ?? tx?.id
    }

    /// On a declined purse or deposit: the next step.
    func statusNote(_ shell: AppState) -> String? {
        switch pane {
        case .purses:
            guard let purse = detail.purses[safe: purseTable.selected], purse.status == .declined else { return nil }
            return DeclinedNextStep.forPurse(purse, readOnly: shell.isReadOnly)
        case .transactions:
            guard let tx = detail.transactions[safe: transactionTable.selected], tx.isDeclined else { return nil }
            return DeclinedNextStep.forDeposit(tx, readOnly: shell.isReadOnly)
        }
    }

    func selectedCustomer(_ shell: AppState) -> CustomerSummary? { detail.customer ?? shell.data.customers.customer(id: customerId) }

    var focusCustomerId: String? { customerId }
}

extension DeskEvent {
    /// The customer an event carries whole.
    var changedCustomer: CustomerSummary? {
        switch self {
        case .customerAdded(let customer), .customerChanged(let customer): customer
        default: nil
        }
    }
}
