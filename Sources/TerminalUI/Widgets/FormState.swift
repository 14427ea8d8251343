/// Checks a field's text and returns an error message, or nil when it is valid.
public typealias FieldValidator = @Sendable (String) -> String?

/// One editable field of a form.
public struct FormField: Sendable {
    public var label: String
    public var input: TextInputState
    public var placeholder: String
    public var isSecret: Bool
    public var validator: FieldValidator?

    /// Creates a field.
    public init(
        label: String, value: String = "", placeholder: String = "", isSecret: Bool = false,
        validator: FieldValidator? = nil
    ) {
        self.label = label
        self.input = TextInputState(text: value)
        self.placeholder = placeholder
        self.isSecret = isSecret
        self.validator = validator
    }

    /// The field's current text.
    public var value: String { input.text }
}

/// Fields, focus and validation errors of a form; editing is value-typed and side-effect free.
public struct FormState: Sendable {
    public var title: String
    public var fields: [FormField]
    /// Index of the field being edited.
    public private(set) var focused: Int
    /// Validation errors by field index, from the last `validate()` or edit of that field.
    public private(set) var errors: [Int: String]

    /// Creates a form focused on its first field.
    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        self.focused = 0
        self.errors = [:]
    }

    /// The texts of all fields, in order.
    public var values: [String] { fields.map(\.value) }

    /// The text of the field labelled `label`.
    public func value(of label: String) -> String? {
        fields.first { $0.label == label }?.value
    }

    /// Types a character into the focused field.
    public mutating func insert(_ character: Character) {
        edit { $0.insert(character) }
    }

    /// Deletes the character before the cursor in the focused field.
    public mutating func backspace() {
        edit { $0.backspace() }
    }

    /// Focuses the next field, wrapping around.
    public mutating func nextField() {
        guard !fields.isEmpty else { return }
        focused = (focused + 1) % fields.count
    }

    /// Focuses the previous field, wrapping around.
    public mutating func previousField() {
        guard !fields.isEmpty else { return }
        focused = (focused + fields.count - 1) % fields.count
    }

    /// Runs every validator; returns true when all fields are valid.
    @discardableResult
    public mutating func validate() -> Bool {
        errors = [:]
        for index in fields.indices {
            if let message = fields[index].validator?(fields[index].value) { errors[index] = message }
        }
        return errors.isEmpty
    }

    /// Applies a key: tab/down and backtab/up move between fields, editing keys edit the focused
    /// field. Returns false for keys the form leaves to the caller (enter, esc, …).
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: nextField()
        case .backTab, .up: previousField()
        default:
            guard fields.indices.contains(focused) else { return false }
            var handled = false
            edit { handled = $0.apply(key) }
            return handled
        }
        return true
    }

    /// Edits the focused field; an error shown for it is rechecked so it clears once fixed.
    private mutating func edit(_ change: (inout TextInputState) -> Void) {
        guard fields.indices.contains(focused) else { return }
        change(&fields[focused].input)
        if errors[focused] != nil {
            errors[focused] = fields[focused].validator?(fields[focused].value)
        }
    }
}
