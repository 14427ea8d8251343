/// A centred yes/no box: title, message and the keys that answer it.
public struct ConfirmDialog: Sendable {
    public var title: String
    public var message: String
    /// The answer keys, e.g. "[y] Block  [n/esc] Cancel".
    public var keysHint: String
    /// Draws the border and title in the error style.
    public var isDangerous: Bool

    /// Creates a dialog.
    public init(title: String, message: String, keysHint: String, isDangerous: Bool = false) {
        self.title = title
        self.message = message
        self.keysHint = keysHint
        self.isDangerous = isDangerous
    }

    /// The box the dialog occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let textWidth = max(DisplayWidth.of(title) + 2, DisplayWidth.of(keysHint), min(DisplayWidth.of(message), 56))
        let width = min(textWidth + 4, area.width)
        let lines = TextLayout.wrap(message, width: max(1, width - 4)).count
        return area.centered(width: width, height: lines + 4)
    }

    /// Draws the dialog.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let box = frame(in: area)
        let inner = Box(title: title, borderStyle: isDangerous ? styles.error : nil)
            .render(into: &buffer, area: box, styles: styles)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        let messageLines = TextLayout.wrap(message, width: content.width)
        for (index, line) in messageLines.prefix(max(0, content.height - 1)).enumerated() {
            buffer.put(line, x: content.x, y: content.y + index, style: styles.text, maxWidth: content.width)
        }
        let keysX = content.x + TextLayout.offset(for: .center, textWidth: DisplayWidth.of(keysHint), slotWidth: content.width)
        buffer.put(keysHint, x: keysX, y: content.maxY - 1, style: styles.key, maxWidth: content.maxX - keysX, ellipsis: true)
    }
}
