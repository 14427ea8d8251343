/// Sort order shown in a table header.
public enum SortDirection: Hashable, Sendable {
    case ascending, descending

    /// The header indicator: ▲ or ▼.
    public var indicator: String { self == .ascending ? "▲" : "▼" }

    /// The other direction.
    public var toggled: SortDirection { self == .ascending ? .descending : .ascending }
}

/// Which column a table is sorted by, and how.
public struct TableSort: Hashable, Sendable {
    public var column: Int
    public var direction: SortDirection

    /// Creates a sort description.
    public init(column: Int, direction: SortDirection) {
        self.column = column
        self.direction = direction
    }
}

/// Selection, scroll position, marks and sort indicator of a table; all functions are pure.
public struct TableState: Hashable, Sendable {
    public var selection: SelectionState
    /// Rows marked for bulk actions.
    public var marked: Set<Int>
    /// The sort shown in the header; the app sorts the rows itself.
    public var sort: TableSort?

    /// Creates a table state.
    public init(selection: SelectionState = SelectionState(), marked: Set<Int> = [], sort: TableSort? = nil) {
        self.selection = selection
        self.marked = marked
        self.sort = sort
    }

    /// Index of the selected row.
    public var selected: Int { selection.selected }
    /// Index of the first visible row.
    public var offset: Int { selection.offset }

    /// The state after moving the selection.
    public func moved(_ move: SelectionMove, rowCount: Int, visibleRows: Int) -> TableState {
        var next = self
        next.selection = selection.moved(move, rowCount: rowCount, visibleRows: visibleRows)
        return next
    }

    /// The state with `index` selected and visible.
    public func selecting(_ index: Int, rowCount: Int, visibleRows: Int) -> TableState {
        var next = self
        next.selection = selection.selecting(index, rowCount: rowCount, visibleRows: visibleRows)
        return next
    }

    /// The state with the selected row's mark flipped.
    public func togglingMark() -> TableState {
        var next = self
        if next.marked.remove(selected) == nil { next.marked.insert(selected) }
        return next
    }

    /// The state sorted by `column`: same column flips direction, a new one starts ascending.
    public func sortingBy(column: Int) -> TableState {
        var next = self
        if let sort, sort.column == column {
            next.sort = TableSort(column: column, direction: sort.direction.toggled)
        } else {
            next.sort = TableSort(column: column, direction: .ascending)
        }
        return next
    }
}
