/// A one-line bar with left, centre and right segments: the header bar or the status bar.
public struct SegmentBar: Sendable {
    /// Which palette style the bar uses.
    public enum Kind: Hashable, Sendable {
        case header, status
    }

    public var kind: Kind
    public var left: Line
    public var center: Line
    public var right: Line

    /// Creates a bar.
    public init(_ kind: Kind, left: Line = "", center: Line = "", right: Line = "") {
        self.kind = kind
        self.left = left
        self.center = center
        self.right = right
    }

    /// Draws the bar on the first row of `area`. When space is short the right segment is kept
    /// whole, the centre is dropped, and the left is truncated.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let bar = area.clamped(to: buffer.bounds).row(0).clamped(to: buffer.bounds)
        guard !bar.isEmpty else { return }
        let style = kind == .header ? styles.headerBar : styles.statusBar
        buffer.fill(bar, style: style)
        let inner = bar.inset(left: 1, right: 1)
        let rightWidth = min(right.width, inner.width)
        let rightX = inner.maxX - rightWidth
        buffer.put(right, x: rightX, y: bar.y, style: style, maxWidth: rightWidth, ellipsis: true)
        let leftRoom = max(0, rightX - inner.x - (rightWidth > 0 ? 1 : 0))
        let leftUsed = buffer.put(left, x: inner.x, y: bar.y, style: style, maxWidth: leftRoom, ellipsis: true)
        let centerWidth = center.width
        let centerX = bar.x + TextLayout.offset(for: .center, textWidth: centerWidth, slotWidth: bar.width)
        if centerWidth > 0, centerX > inner.x + leftUsed, centerX + centerWidth < rightX {
            buffer.put(center, x: centerX, y: bar.y, style: style)
        }
    }
}
