/// One column of a `TableView`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: SizeSpec
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: SizeSpec, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
