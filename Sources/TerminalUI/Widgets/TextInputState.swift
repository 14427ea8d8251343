/// The text and cursor of a single-line editor; editing is value-typed and side-effect free.
public struct TextInputState: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in graphemes from the start (0...text.count).
    public private(set) var cursor: Int

    /// Creates an editor with the cursor at the end.
    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// Inserts a character at the cursor.
    public mutating func insert(_ character: Character) {
        text.insert(character, at: cursorIndex)
        cursor += 1
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        text.remove(at: cursorIndex)
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursorIndex)
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    /// Moves the cursor to the start.
    public mutating func moveHome() { cursor = 0 }
    /// Moves the cursor to the end.
    public mutating func moveEnd() { cursor = text.count }

    /// Deletes everything before the cursor.
    public mutating func deleteToStart() {
        text.removeSubrange(text.startIndex..<cursorIndex)
        cursor = 0
    }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setText(_ newText: String) {
        self = TextInputState(text: newText)
    }

    /// Applies an editing key (printable characters, backspace, delete, arrows, home/end,
    /// ctrl-a/e/u); returns false for keys it does not handle, such as enter or esc.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        case .control("u"): deleteToStart()
        default: return false
        }
        return true
    }
}
