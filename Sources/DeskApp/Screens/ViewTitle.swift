import TerminalUI

/// The one-line title above a view's table: name and figures left, notes right.
enum ViewTitle {
    static func render(_ left: [Span], right: [Span] = [], area: Rect, theme: Theme, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let rightLine = Line(right)
        let rightWidth = min(rightLine.width, max(0, area.width - 12))
        if rightWidth > 0 {
            buffer.put(rightLine, x: area.maxX - rightWidth - 1, y: area.y, maxWidth: rightWidth, ellipsis: true)
        }
        let room = area.width - 1 - (rightWidth > 0 ? rightWidth + 2 : 0)
        buffer.put(Line(left), x: area.x + 1, y: area.y, style: theme[.title], maxWidth: max(0, room), ellipsis: true)
    }
}
