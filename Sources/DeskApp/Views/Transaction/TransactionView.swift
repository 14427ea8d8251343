import DeskModel
import TerminalUI

extension ViewID {
    static func transaction(_ transactionId: String) -> ViewID { ViewID("transaction", transactionId) }
}

/// One deposit: its fields and every state it was seen in.
struct TransactionView: DeskView {
    let transactionId: String
    var data: TransactionDetailData?

    var id: ViewID { .transaction(transactionId) }

    static let registration = ViewRegistration(
        name: "transaction", heading: "Deposit (`enter` on a deposit)",
        keys: [
            ViewKey(.openCustomer, "the deposit's customer: purses, deposits, case notes"),
            ViewKey(.copy, "copy: a chooser of the hash, id, address, sender address and customer id; `y` again or `enter` copies the highlighted one (the hash first), a letter (h i a f c) copies its value"),
            ViewKey(.newAddress, "new deposit address for the deposit's customer (currency picker), e.g. after a decline"),
        ],
        hints: [.back, .openCustomer, .newAddress, .copy, .refresh, .help])

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadTransaction(id: transactionId)] }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        switch action {
        case .openCustomer:
            guard let data else {
                shell.showFlash("the deposit is still loading", level: .info)
                return []
            }
            shell.openCustomer(data.transaction.customerId, of: "deposit \(Formatting.shortId(transactionId))")
        case .newAddress:
            guard let customer = selectedCustomer(shell) else {
                let known = data?.transaction.customerId.map { "customer \(Formatting.shortId($0)) is not in the local store" }
                shell.showFlash(known ?? "this deposit names no customer", level: .warning)
                return []
            }
            shell.openCurrencyPicker(for: customer, preselecting: data?.transaction.currency)
        default:
            break
        }
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .transactionLoaded(let loaded) where loaded.transaction.id == transactionId:
            data = loaded
        case .modelEvents(let events):
            let touched = events.contains { FeedEntry(event: $0, at: shell.now)?.transaction.id == transactionId }
            if touched, shell.currentView == id { return [.loadTransaction(id: transactionId)] }
        default:
            break
        }
        return []
    }

    /// The deposit's customer, for `n`.
    func selectedCustomer(_ shell: AppState) -> CustomerSummary? {
        data?.transaction.customerId.flatMap { shell.data.customers.customer(id: $0) }
    }

    func statusNote(_ shell: AppState) -> String? {
        guard let tx = data?.transaction, tx.isDeclined else { return nil }
        return DeclinedNextStep.forDeposit(tx, readOnly: shell.isReadOnly, namingAddress: false)
    }

    func copyText(_ shell: AppState) -> String? { data.map { $0.transaction.hash ?? $0.transaction.id } }

    func copyChoices(_ shell: AppState) -> [CopyChoice] {
        guard let tx = data?.transaction else { return [] }
        let values: [(Character, String, String?)] = [
            ("h", "hash", tx.hash), ("i", "id", tx.id), ("a", "address", tx.address), ("f", "from (sender)", tx.addressFrom),
            ("c", "customer id", tx.customerId),
        ]
        return values.compactMap { letter, label, value in
            guard let value, !value.isEmpty else { return nil }
            return CopyChoice(letter, label, value)
        }
    }
}
