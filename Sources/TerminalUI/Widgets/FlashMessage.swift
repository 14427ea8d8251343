/// A one-line transient message.
public struct FlashMessage: Hashable, Sendable {
    /// How serious the message is; picks its palette style.
    public enum Level: Hashable, Sendable {
        case info, warning, error
    }

    public var text: String
    public var level: Level

    /// Creates a message.
    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }

    /// Draws the message on the first row of `area`.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let row = area.row(0).clamped(to: buffer.bounds)
        guard !row.isEmpty else { return }
        let style: Style
        switch level {
        case .info: style = styles.info
        case .warning: style = styles.warning
        case .error: style = styles.error
        }
        buffer.fill(row, style: styles.text)
        buffer.put(text, x: row.x, y: row.y, style: style, maxWidth: row.width, ellipsis: true)
    }
}
