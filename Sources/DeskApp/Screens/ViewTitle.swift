import TerminalUI

/// The one-line title above a view's table: name and figures left, notes right.
enum ViewTitle {
    /// The left side is kept whole; the notes get the room left over, cut with `…`, or are left out
    /// when too little is left for them to read.
    static func render(_ left: [Span], right: [Span] = [], area: Rect, theme: Theme, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let leftLine = Line(left), rightLine = Line(right)
        let leftWidth = min(leftLine.width, max(0, area.width - 2))
        let room = area.width - 1 - leftWidth - 2 - 1
        let rightWidth = min(rightLine.width, room)
        if rightWidth >= min(rightLine.width, minimumNote) {
            buffer.put(rightLine, x: area.maxX - rightWidth - 1, y: area.y, maxWidth: rightWidth, ellipsis: true)
        }
        buffer.put(leftLine, x: area.x + 1, y: area.y, style: theme[.title], maxWidth: leftWidth, ellipsis: true)
    }

    /// Columns a cut note needs to still say something.
    private static let minimumNote = 8
}
