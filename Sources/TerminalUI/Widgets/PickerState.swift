/// Options, filter text and selection of a picker; all changes are value-typed.
public struct PickerState: Hashable, Sendable {
    public var options: [String]
    public private(set) var filter: TextInputState
    public private(set) var selection: SelectionState
    /// Indices into `options` that contain the filter text (case-insensitive), in order.
    public private(set) var matches: [Int]

    /// Creates a picker over `options` with an empty filter and option `selected` (the first when
    /// nil or out of range) selected.
    public init(options: [String], selected: Int? = nil) {
        self.options = options
        self.filter = TextInputState()
        let start = selected.flatMap { options.indices.contains($0) ? $0 : nil } ?? 0
        self.selection = SelectionState(selected: start, offset: start)
        self.matches = Array(options.indices)
    }

    /// Index into `options` of the selected match, or nil when nothing matches.
    public var selectedOption: Int? {
        matches.indices.contains(selection.selected) ? matches[selection.selected] : nil
    }

    /// Applies a key: up/down/pgup/pgdn/home/end move, editing keys change the filter.
    /// Returns false for keys left to the caller (enter, esc, …).
    @discardableResult
    public mutating func apply(_ key: Key, visibleRows: Int) -> Bool {
        let move: SelectionMove? = switch key {
        case .up: .up
        case .down: .down
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .home: .home
        case .end: .end
        default: nil
        }
        if let move {
            selection = selection.moved(move, rowCount: matches.count, visibleRows: visibleRows)
            return true
        }
        guard filter.apply(key) else { return false }
        let needle = filter.text.lowercased()
        matches = options.indices.filter { needle.isEmpty || options[$0].lowercased().contains(needle) }
        selection = SelectionState()
        return true
    }
}
