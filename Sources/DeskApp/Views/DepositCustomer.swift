import DeskModel
import TerminalUI

/// From a deposit (a feed line, the deposit view, an alert) to its customer: one key everywhere.
extension KeyAction {
    static let openCustomer = KeyAction("open_customer", keys: [.character("C")], summary: "the deposit's customer", hint: "customer")
}

extension AppState {
    /// Opens the customer detail of `customerId`, or says in the status line why it cannot.
    mutating func openCustomer(_ customerId: String?, of what: String) {
        guard let customerId, !customerId.isEmpty else {
            showFlash("\(what) names no customer", level: .warning)
            return
        }
        let customer = data.customers.customer(id: customerId)
        guard customer != nil || !data.customersLoaded else {
            showFlash("customer \(Formatting.shortId(customerId)) of \(what) is not in the local store (no list, answer or webhook named it)",
                      level: .warning)
            return
        }
        push(CustomerDetailView(customerId: customerId, customer: customer))
    }
}
