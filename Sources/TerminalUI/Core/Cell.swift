/// One terminal column: a grapheme, or the right half of the wide grapheme to its left.
public struct Cell: Hashable, Sendable {
    /// What a cell shows.
    public enum Content: Hashable, Sendable {
        case grapheme(Character)
        /// The right half of a double-width grapheme; the terminal draws nothing here.
        case continuation
    }

    public var content: Content
    public var style: Style

    /// Creates a cell showing `character`.
    public init(_ character: Character, style: Style = .plain) {
        self.content = .grapheme(character)
        self.style = style
    }

    /// Creates the right half of a wide grapheme.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.content = .continuation
        return cell
    }

    /// A space with no style.
    public static let blank = Cell(" ")

    /// The grapheme shown, or nil for a continuation cell.
    public var character: Character? {
        if case .grapheme(let character) = content { return character }
        return nil
    }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { content == .continuation }
}
