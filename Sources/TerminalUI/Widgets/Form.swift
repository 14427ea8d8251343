/// A modal form in a centred box: one line per field, its error underneath, and a key hint.
public struct Form: Sendable {
    public var state: FormState
    /// The keys line at the bottom, e.g. "[enter] Save  [esc] Cancel".
    public var keysHint: String

    /// Creates a form view.
    public init(state: FormState, keysHint: String = "[tab] Next  [enter] Save  [esc] Cancel") {
        self.state = state
        self.keysHint = keysHint
    }

    /// The box the form occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let lines = state.fields.count + state.errors.count + 2
        return area.centered(width: min(64, area.width), height: lines + 2)
    }

    /// Draws the form.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let inner = Box(title: state.title).render(into: &buffer, area: frame(in: area), styles: styles)
        guard !inner.isEmpty else { return }
        let content = inner.inset(left: 1, right: 1)
        let labelWidth = min(state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0, content.width / 3)
        var y = content.y
        for (index, field) in state.fields.enumerated() where y < content.maxY {
            let isFocused = index == state.focused
            let labelStyle = isFocused ? styles.title : styles.header
            buffer.put(field.label, x: content.x, y: y, style: labelStyle, maxWidth: labelWidth, ellipsis: true)
            let fieldArea = Rect(x: content.x + labelWidth + 2, y: y, width: content.width - labelWidth - 2, height: 1)
            TextInput(
                state: field.input, placeholder: field.placeholder, isSecret: field.isSecret, isFocused: isFocused
            ).render(into: &buffer, area: fieldArea, styles: styles, style: styles.text.patched(with: Style(underline: true)))
            y += 1
            if let error = state.errors[index], y < content.maxY {
                buffer.put(error, x: fieldArea.x, y: y, style: styles.error, maxWidth: fieldArea.width, ellipsis: true)
                y += 1
            }
        }
        if content.height >= 2 {
            buffer.put(keysHint, x: content.x, y: content.maxY - 1, style: styles.muted, maxWidth: content.width, ellipsis: true)
        }
    }
}
