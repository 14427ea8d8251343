/// A scrolling list of styled lines with one selected.
public struct ListView: Sendable {
    public var items: [Line]
    /// Whether the selected line is highlighted (off for read-only lists).
    public var highlightsSelection: Bool

    /// Creates a list.
    public init(items: [Line], highlightsSelection: Bool = true) {
        self.items = items
        self.highlightsSelection = highlightsSelection
    }

    /// Draws the visible lines for `state`.
    public func render(into buffer: inout CellBuffer, area: Rect, state: SelectionState, styles: WidgetStyles) {
        let area = area.clamped(to: buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: styles.text)
        let selection = state.clamped(rowCount: items.count, visibleRows: area.height)
        for (line, index) in selection.visibleRange(rowCount: items.count, visibleRows: area.height).enumerated() {
            let rowArea = area.row(line)
            buffer.put(items[index], x: area.x, y: rowArea.y, style: styles.text, maxWidth: area.width, ellipsis: true)
            if highlightsSelection && index == selection.selected { buffer.applyStyle(styles.selected, to: rowArea) }
        }
    }
}
