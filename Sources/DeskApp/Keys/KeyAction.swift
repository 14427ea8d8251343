import TerminalUI

/// Something a key can do. `name` is the name used in the config's `[keys]` table. The actions every
/// view has are below; a view declares its own next to it (`Views/<Name>/`), and the registry
/// collects them for the key map.
public struct KeyAction: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// The keys it has unless the config says otherwise; the first is the one the config replaces.
    public let defaultKeys: [Key]
    /// What the help says it does when a view does not say it more precisely.
    public let summary: String
    /// A word for the status line.
    public let hint: String
    /// Changes something (at Calypso or in the audited store): disappears in read-only mode.
    public let isDangerous: Bool
    /// Asks for a confirmation or input before it changes anything.
    public let asksFirst: Bool

    public init(_ name: String, keys: [Key], summary: String, hint: String, dangerous: Bool = false, asksFirst: Bool? = nil) {
        self.name = name
        defaultKeys = keys
        self.summary = summary
        self.hint = hint
        isDangerous = dangerous
        self.asksFirst = asksFirst ?? dangerous
    }

    public var description: String { name }

    public static func == (lhs: KeyAction, rhs: KeyAction) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The actions of every view: moving, leaving, help and the prompts.
extension KeyAction {
    public static let moveDown = KeyAction("move_down", keys: [.character("j"), .down], summary: "down", hint: "down")
    public static let moveUp = KeyAction("move_up", keys: [.character("k"), .up], summary: "up", hint: "up")
    public static let pageDown = KeyAction("page_down", keys: [.control("d"), .pageDown], summary: "page down", hint: "page")
    public static let pageUp = KeyAction("page_up", keys: [.control("u"), .pageUp], summary: "page up", hint: "page")
    public static let top = KeyAction("top", keys: [.character("g"), .home], summary: "first row", hint: "top")
    public static let bottom = KeyAction("bottom", keys: [.character("G"), .end], summary: "last row", hint: "bottom")
    public static let back = KeyAction("back", keys: [.escape], summary: "back / clear filter", hint: "back")
    public static let quit = KeyAction("quit", keys: [.character("q")], summary: "quit (back when not on top)", hint: "quit")
    public static let help = KeyAction("help", keys: [.character("?")], summary: "this help", hint: "help")
    public static let command = KeyAction("command", keys: [.character(":")], summary: "command line (:overview :feed :q …)", hint: "cmd")
    public static let refresh = KeyAction("refresh", keys: [.character("r")], summary: "refresh now", hint: "refresh")

    /// Shared by several views, each saying in its own words what they do there.
    public static let open = KeyAction("open", keys: [.enter], summary: "open", hint: "open")
    public static let filter = KeyAction("filter", keys: [.character("/")], summary: "filter", hint: "filter")
    public static let copy = KeyAction("copy", keys: [.character("y")], summary: "copy (OSC 52)", hint: "copy")

    /// Handled by the shell on every view, in the order the help lists them.
    public static let everywhere: [KeyAction] = [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .back, .quit, .command, .refresh, .help]
}
