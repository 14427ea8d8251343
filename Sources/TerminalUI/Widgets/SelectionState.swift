/// A movement of the selection in a scrolling list or table.
public enum SelectionMove: Hashable, Sendable {
    case up, down, pageUp, pageDown, home, end
}

/// The selected row and the first visible row of a scrolling list; all functions are pure.
public struct SelectionState: Hashable, Sendable {
    /// Index of the selected row (0 when the list is empty).
    public var selected: Int
    /// Index of the first visible row.
    public var offset: Int

    /// Creates a selection.
    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// The state after `move` over `rowCount` rows of which `visibleRows` fit on screen.
    public func moved(_ move: SelectionMove, rowCount: Int, visibleRows: Int) -> SelectionState {
        let page = max(1, visibleRows)
        var next = self
        switch move {
        case .up: next.selected -= 1
        case .down: next.selected += 1
        case .pageUp:
            next.selected -= page
            next.offset -= page
        case .pageDown:
            next.selected += page
            next.offset += page
        case .home: next.selected = 0
        case .end: next.selected = rowCount - 1
        }
        return next.clamped(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The state with `index` selected and scrolled into view.
    public func selecting(_ index: Int, rowCount: Int, visibleRows: Int) -> SelectionState {
        SelectionState(selected: index, offset: offset).clamped(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The state with the selection inside the rows, the offset keeping it visible and the
    /// viewport as full as the row count allows; scrolls as little as possible.
    public func clamped(rowCount: Int, visibleRows: Int) -> SelectionState {
        guard rowCount > 0 else { return SelectionState() }
        let page = max(1, visibleRows)
        let selected = min(max(0, selected), rowCount - 1)
        var offset = min(max(0, offset), max(0, rowCount - page))
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        return SelectionState(selected: selected, offset: offset)
    }

    /// The row indices on screen.
    public func visibleRange(rowCount: Int, visibleRows: Int) -> Range<Int> {
        let start = min(max(0, offset), rowCount)
        return start..<min(rowCount, start + max(0, visibleRows))
    }
}
