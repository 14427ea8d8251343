/// A part of a one-line bar (a header figure, a key hint) that is shown whole or not at all.
public struct LineItem: Hashable, Sendable {
    public var spans: [Span]
    public var priority: DisplayPriority

    /// Creates an item.
    public init(_ spans: [Span], priority: DisplayPriority = .important) {
        self.spans = spans
        self.priority = priority
    }

    /// Columns the item takes on screen.
    public var width: Int { Line(spans).width }

    /// The indices (in order) of the items that fit in `width` columns with `spacing` between them:
    /// the least important are left out whole first (see `DisplayPriority.fitting`).
    public static func fitting(_ items: [LineItem], spacing: Int, width: Int) -> [Int] {
        DisplayPriority.fitting(widths: items.map(\.width), priorities: items.map(\.priority), spacing: spacing, total: width)
    }
}

extension Line {
    /// The items that fit in `width` columns, in order, joined by `separator`; the least important
    /// are left out whole, so no item is cut in half (one item wider than `width` alone is kept).
    public init(fitting items: [LineItem], separator: Span, width: Int) {
        let shown = LineItem.fitting(items, spacing: DisplayWidth.of(separator.text), width: width)
        var spans: [Span] = []
        for (position, index) in shown.enumerated() {
            if position > 0 { spans.append(separator) }
            spans += items[index].spans
        }
        self.init(spans)
    }
}
