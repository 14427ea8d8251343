/// One column of a `TableView`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: SizeSpec
    public var alignment: Alignment
    /// Which columns go first, whole, when the table is too narrow for all of them.
    public var priority: DisplayPriority

    /// Creates a column.
    public init(_ title: String, width: SizeSpec, alignment: Alignment = .left, priority: DisplayPriority = .important) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }

    /// The fewest cells the column needs: its fixed width, or a flexible column's minimum but never
    /// less than its title.
    func minimumWidth(total: Int) -> Int {
        switch width {
        case .fixed(let cells): max(0, cells)
        case .flexible(let minimum, _): max(minimum, DisplayWidth.of(title))
        case .fraction(let share): max(0, Int((Double(total) * share).rounded(.down)))
        }
    }

    /// The width spec used for layout: a flexible column never narrower than its title.
    var layoutWidth: SizeSpec {
        guard case .flexible(let minimum, let weight) = width else { return width }
        return .flexible(min: max(minimum, DisplayWidth.of(title)), weight: weight)
    }
}

extension TableColumn {
    /// The indices of the columns that fit in `total` cells with `spacing` between them (see
    /// `DisplayPriority.fitting`); `keep` names a column kept as if essential (the sorted one).
    static func fitting(_ columns: [TableColumn], total: Int, spacing: Int, keep: Int? = nil) -> [Int] {
        DisplayPriority.fitting(widths: columns.map { $0.minimumWidth(total: total) },
                                priorities: columns.indices.map { $0 == keep ? .essential : columns[$0].priority },
                                spacing: spacing, total: total)
    }
}
