import Foundation
import TerminalUI

/// What a create or edit form sends.
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

    static let emailLabel = "Email"
    static let externalIdLabel = "External id"
    static let descriptionLabel = "Description"

    public init(mode: Mode, email: String = "", externalId: String = "", description: String = "") {
        self.mode = mode
        let title = switch mode {
        case .create: "New customer"
        case .edit(let id): "Edit customer \(id.prefix(8))"
        }
        state = FormState(title: title, fields: [
            FormField(label: Self.emailLabel, value: email, placeholder: "name@example.com", validator: Self.validateEmail),
            FormField(label: Self.externalIdLabel, value: externalId, placeholder: "your reference",
                      validator: { Self.validateText($0, limit: 128) }),
            FormField(label: Self.descriptionLabel, value: description, placeholder: "free text",
                      validator: { Self.validateText($0, limit: 512) }),
        ])
    }

    /// The values to send, empty fields as nil.
    public var draft: CustomerDraft {
        func value(_ label: String) -> String? {
            let text = (state.value(of: label) ?? "").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
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
