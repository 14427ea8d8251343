import Foundation
import TerminalUI

/// What a create or edit form sends, per field: nil is not sent (the value stays), an empty string
/// clears the value, anything else sets it.
public struct CustomerDraft: Hashable, Sendable {
    public var email: String?
    public var externalId: String?
    public var description: String?

    public init(email: String?, externalId: String?, description: String?) {
        self.email = email
        self.externalId = externalId
        self.description = description
    }
}

/// The create (`c`) or edit (`e`) customer form.
public struct CustomerForm: Sendable {
    public enum Mode: Hashable, Sendable {
        case create
        case edit(customerId: String)
    }

    public var mode: Mode
    public var state: FormState
    /// The values the edit started from (empty for a new customer).
    private let original: [String: String]

    static let emailLabel = "Email"
    static let externalIdLabel = "External id"
    static let descriptionLabel = "Description"

    public init(mode: Mode, email: String = "", externalId: String = "", description: String = "") {
        self.mode = mode
        let title = switch mode {
        case .create: "New customer"
        case .edit(let id): "Edit customer \(id.prefix(8))"
        }
        original = [Self.emailLabel: email, Self.externalIdLabel: externalId, Self.descriptionLabel: description]
        // Emptying a field that had a value clears it; the placeholder says so where the value was.
        func placeholder(_ text: String, was value: String) -> String { value.isEmpty ? text : "(empty: cleared on save)" }
        state = FormState(title: title, fields: [
            FormField(label: Self.emailLabel, value: email, placeholder: placeholder("name@example.com", was: email),
                      validator: Self.validateEmail),
            FormField(label: Self.externalIdLabel, value: externalId, placeholder: placeholder("your reference", was: externalId),
                      validator: { Self.validateText($0, limit: 128) }),
            FormField(label: Self.descriptionLabel, value: description, placeholder: placeholder("free text", was: description),
                      validator: { Self.validateText($0, limit: 512) }),
        ])
    }

    /// What the save says about clearing.
    public var keysHint: String {
        switch mode {
        case .create: "[tab] next  [enter] save  [esc] cancel"
        case .edit: "[tab] next  [enter] save (an emptied field is cleared)  [esc] cancel"
        }
    }

    /// The fields the save clears: they had a value and were emptied.
    public var clearedFields: [String] {
        [Self.emailLabel, Self.externalIdLabel, Self.descriptionLabel].filter { label in
            !(original[label] ?? "").isEmpty && (state.value(of: label) ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// The values to send: a field emptied in an edit as "" (cleared), other empty fields as nil (not sent).
    public var draft: CustomerDraft {
        func value(_ label: String) -> String? {
            let text = (state.value(of: label) ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return clearedFields.contains(label) ? "" : nil }
            return text
        }
        return CustomerDraft(email: value(Self.emailLabel), externalId: value(Self.externalIdLabel),
                             description: value(Self.descriptionLabel))
    }

    static let validateEmail: FieldValidator = { text in
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !value.contains(where: \.isWhitespace) else {
            return "must look like name@example.com"
        }
        return value.count > 254 ? "at most 254 characters" : nil
    }

    static func validateText(_ text: String, limit: Int) -> String? {
        if text.count > limit { return "at most \(limit) characters (now \(text.count))" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "no control characters" }
        return nil
    }
}
