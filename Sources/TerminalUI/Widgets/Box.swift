/// A bordered rectangle with an optional title in the top edge.
public struct Box: Sendable {
    public var title: String?
    /// Overrides the palette's border style (e.g. red for a dangerous dialog).
    public var borderStyle: Style?

    /// Creates a box.
    public init(title: String? = nil, borderStyle: Style? = nil) {
        self.title = title
        self.borderStyle = borderStyle
    }

    /// Clears `area`, draws the border and title, and returns the inner area.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) -> Rect {
        let area = area.clamped(to: buffer.bounds)
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let lines = styles.borders, style = borderStyle ?? styles.border
        buffer.fill(area, style: styles.text)
        let horizontal = String(repeating: lines.horizontal, count: area.width - 2)
        buffer.put(String(lines.topLeft) + horizontal + String(lines.topRight), x: area.x, y: area.y, style: style)
        buffer.put(
            String(lines.bottomLeft) + horizontal + String(lines.bottomRight),
            x: area.x, y: area.maxY - 1, style: style)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.put(String(lines.vertical), x: area.x, y: y, style: style)
            buffer.put(String(lines.vertical), x: area.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty, area.width > 4 {
            buffer.put(" \(title) ", x: area.x + 1, y: area.y, style: styles.title, maxWidth: area.width - 2, ellipsis: true)
        }
        return area.inset(by: 1)
    }
}
