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
        keys: [ViewKey(.copy, "copy the hash (the id when there is none)")],
        hints: [.back, .copy, .refresh, .help])

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadTransaction(id: transactionId)] }

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

    func copyText(_ shell: AppState) -> String? { data.map { $0.transaction.hash ?? $0.transaction.id } }
}
