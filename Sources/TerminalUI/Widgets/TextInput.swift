/// A single-line text field with a prompt and a visible cursor (the `/` filter and `:` command line).
public struct TextInput: Sendable {
    public var prompt: String
    public var state: TextInputState
    /// Shown dimmed while the text is empty.
    public var placeholder: String
    /// Masks the text with • (for secrets).
    public var isSecret: Bool
    /// Whether to draw the cursor.
    public var isFocused: Bool

    /// Creates a text input.
    public init(
        prompt: String = "", state: TextInputState, placeholder: String = "", isSecret: Bool = false,
        isFocused: Bool = true
    ) {
        self.prompt = prompt
        self.state = state
        self.placeholder = placeholder
        self.isSecret = isSecret
        self.isFocused = isFocused
    }

    /// Draws on the first row of `area`, scrolling horizontally to keep the cursor visible.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles, style: Style? = nil) {
        let row = area.row(0).clamped(to: buffer.bounds)
        guard !row.isEmpty else { return }
        let style = style ?? styles.text
        buffer.fill(row, style: style)
        let promptWidth = buffer.put(prompt, x: row.x, y: row.y, style: style, maxWidth: row.width)
        let fieldX = row.x + promptWidth
        let fieldWidth = row.maxX - fieldX
        guard fieldWidth > 0 else { return }
        var characters = Array(isSecret ? String(repeating: "•", count: state.text.count) : state.text)
        var cursor = state.cursor
        if characters.isEmpty && !placeholder.isEmpty {
            buffer.put(placeholder, x: fieldX, y: row.y, style: style.patched(with: styles.muted), maxWidth: fieldWidth, ellipsis: true)
        }
        // Drop characters from the left until the text up to and including the cursor cell fits.
        while cursor > 0, DisplayWidth.of(String(characters[..<cursor])) + 1 > fieldWidth {
            characters.removeFirst()
            cursor -= 1
        }
        let visible = String(characters)
        if !visible.isEmpty { buffer.put(visible, x: fieldX, y: row.y, style: style, maxWidth: fieldWidth) }
        guard isFocused else { return }
        let cursorX = fieldX + DisplayWidth.of(String(characters[..<cursor]))
        let cursorWidth = cursor < characters.count ? DisplayWidth.of(characters[cursor]) : 1
        buffer.applyStyle(styles.cursor, to: Rect(x: cursorX, y: row.y, width: cursorWidth, height: 1))
    }
}
