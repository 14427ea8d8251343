import Foundation
import TerminalUI

/// The case note form behind `N`: one line of text about a customer, kept in the audit log.
public struct NoteForm: Sendable {
    public var customerId: String
    public var state: FormState

    static let label = "Note"
    static let limit = 1000
    public let keysHint = "[enter] save  [esc] cancel"

    public init(customerId: String, who: String) {
        self.customerId = customerId
        state = FormState(title: "Case note on \(who)", fields: [
            FormField(label: Self.label, placeholder: "what happened, a ticket number…", validator: Self.validate),
        ])
    }

    /// The note as saved: trimmed.
    public var text: String { (state.value(of: Self.label) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static let validate: FieldValidator = { text in
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "write something, or esc to cancel" }
        return CustomerForm.validateText(text, limit: limit)
    }
}
