/// Stable text names for keys, used by key-binding config and the help screen.
extension Key {
    private static let namedKeys: [(Key, String)] = [
        (.enter, "enter"), (.escape, "esc"), (.backspace, "backspace"), (.delete, "delete"),
        (.tab, "tab"), (.backTab, "backtab"), (.up, "up"), (.down, "down"), (.left, "left"),
        (.right, "right"), (.home, "home"), (.end, "end"), (.pageUp, "pgup"), (.pageDown, "pgdn"),
        (.resize, "resize"), (.character(" "), "space"),
    ]

    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "del": .delete, "bs": .backspace, "shift-tab": .backTab,
        "pageup": .pageUp, "pagedown": .pageDown,
    ]

    /// The key's name: "q", "Q", "enter", "esc", "ctrl-r", "pgdn", "f5", "space".
    public var name: String {
        if let named = Self.namedKeys.first(where: { $0.0 == self }) { return named.1 }
        switch self {
        case .character(let character): return String(character)
        case .function(let number): return "f\(number)"
        case .control(let character): return "ctrl-\(character)"
        case .unknown(let code): return "unknown-\(code)"
        default: preconditionFailure("every other key has an entry in namedKeys")
        }
    }

    /// Parses a key name; single characters are case-sensitive, everything else is not.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let named = Self.namedKeys.first(where: { $0.1 == lowered }) {
            self = named.0
        } else if let alias = Self.aliases[lowered] {
            self = alias
        } else if lowered.hasPrefix("ctrl-"), lowered.count == 6, let character = lowered.last {
            self = .control(character)
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            self = .function(number)
        } else if lowered.hasPrefix("unknown-"), let code = Int32(lowered.dropFirst(8)) {
            self = .unknown(code)
        } else {
            return nil
        }
    }
}
