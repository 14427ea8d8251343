/// Label: value pairs in two aligned columns; long values wrap or are truncated.
public struct DetailPanel: Sendable {
    /// One row of the panel.
    public struct Entry: Hashable, Sendable {
        public var label: String
        public var value: Line

        /// Creates an entry.
        public init(_ label: String, _ value: Line) {
            self.label = label
            self.value = value
        }
    }

    public var entries: [Entry]
    /// Wrap long plain values onto further lines instead of truncating them with `…`.
    public var wraps: Bool
    /// Screen lines scrolled past at the top.
    public var offset: Int

    /// Creates a panel.
    public init(entries: [Entry], wraps: Bool = true, offset: Int = 0) {
        self.entries = entries
        self.wraps = wraps
        self.offset = offset
    }

    /// The label column width used inside `area`: the longest label, at most 40% of the area.
    public func labelWidth(in area: Rect) -> Int {
        min(entries.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width * 2 / 5)
    }

    /// Draws the entries.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let area = area.clamped(to: buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: styles.text)
        let labelWidth = labelWidth(in: area)
        let valueX = area.x + labelWidth + 2
        let valueWidth = max(0, area.maxX - valueX)
        var screenLine = -offset
        for entry in entries {
            for (index, value) in valueLines(entry.value, width: valueWidth).enumerated() {
                defer { screenLine += 1 }
                guard screenLine >= 0 else { continue }
                guard screenLine < area.height else { return }
                let y = area.y + screenLine
                if index == 0 {
                    buffer.put(entry.label, x: area.x, y: y, style: styles.header, maxWidth: labelWidth, ellipsis: true)
                }
                buffer.put(value, x: valueX, y: y, style: styles.text, maxWidth: valueWidth, ellipsis: true)
            }
        }
    }

    /// Only single-span values wrap; styled multi-span values are truncated to keep their styling simple.
    private func valueLines(_ value: Line, width: Int) -> [Line] {
        guard wraps, value.spans.count == 1, let span = value.spans.first, width > 0 else { return [value] }
        let wrapped = TextLayout.wrap(span.text, width: width)
        return wrapped.isEmpty ? [value] : wrapped.map { Line($0, style: span.style) }
    }
}
