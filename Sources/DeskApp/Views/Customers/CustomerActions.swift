import DeskModel
import TerminalUI

/// The customer actions, shared by the customer lists and the customer detail.
extension KeyAction {
    static let mark = KeyAction("mark", keys: [.character(" ")], summary: "mark for a bulk block/unblock", hint: "mark")
    static let sortNext = KeyAction("sort_next", keys: [.character("s")], summary: "sort by the next column", hint: "sort")
    static let sortFlip = KeyAction("sort_flip", keys: [.character("S")], summary: "flip the sort direction", hint: "flip")
    static let block = KeyAction("block", keys: [.character("b")], summary: "block customer(s)", hint: "block", dangerous: true)
    static let unblock = KeyAction("unblock", keys: [.character("u")], summary: "unblock customer(s)", hint: "unblock", dangerous: true)
    // A picker or form comes first and its enter acts: no y/n question, so the help does not promise one.
    static let newAddress = KeyAction("new_address", keys: [.character("n")], summary: "new deposit address", hint: "address",
                                      dangerous: true, asksFirst: false)
    static let create = KeyAction("create", keys: [.character("c")], summary: "create customer", hint: "new", dangerous: true, asksFirst: false)
    static let edit = KeyAction("edit", keys: [.character("e")], summary: "edit customer", hint: "edit", dangerous: true, asksFirst: false)
    /// Writes to the audit log, so it is gone in read-only mode like the actions.
    static let addNote = KeyAction("add_note", keys: [.character("N")], summary: "add a case note", hint: "note", dangerous: true,
                                   asksFirst: false)
}

/// Opening the dialogs behind b, u, n, c, e and N for the customers a view offers.
extension AppState {
    /// Handles a customer action; false when `action` is not one.
    mutating func performCustomerAction(_ action: KeyAction, targets: [CustomerSummary], selected: CustomerSummary?) -> Bool {
        switch action {
        case .block, .unblock: askToChangeBlock(targets, blocking: action == .block)
        case .newAddress: openCurrencyPicker(for: selected)
        case .create: modal = .form(CustomerForm(mode: .create))
        case .edit: openEditForm(for: selected)
        case .addNote: openNoteForm(for: selected)
        default: return false
        }
        return true
    }

    private mutating func askToChangeBlock(_ targets: [CustomerSummary], blocking: Bool) {
        guard !targets.isEmpty else {
            showFlash("no customer selected", level: .warning)
            return
        }
        let ids = targets.filter { $0.blocked != blocking }.map(\.id)
        guard !ids.isEmpty else {
            let state = blocking ? "blocked" : "unblocked"
            showFlash(targets.count == 1 ? "already \(state)" : "all marked customers are already \(state)", level: .info)
            return
        }
        modal = .confirm(ConfirmState(blocking ? .block(ids) : .unblock(ids)))
    }

    /// `preselecting` a currency code starts the picker on it (the deposit's currency, from the deposit view).
    mutating func openCurrencyPicker(for customer: CustomerSummary?, preselecting currency: String? = nil) {
        guard let customer else { return }
        guard !currencies.isEmpty else {
            showFlash("no currencies known for this account", level: .error)
            return
        }
        modal = .picker(CurrencyPicker(customerId: customer.id, options: currencies, preselecting: currency))
    }

    private mutating func openEditForm(for customer: CustomerSummary?) {
        guard let customer else { return }
        modal = .form(CustomerForm(mode: .edit(customerId: customer.id), email: customer.email ?? "",
                                   externalId: customer.externalId ?? "", description: customer.description ?? ""))
    }

    private mutating func openNoteForm(for customer: CustomerSummary?) {
        guard let customer else {
            showFlash("no customer selected", level: .warning)
            return
        }
        modal = .note(NoteForm(customerId: customer.id, who: describe([customer.id])))
    }
}
