import TerminalUI

/// Everything a key can do. The raw value is the name used in the config's `[keys]` table.
public enum KeyAction: String, CaseIterable, Hashable, Sendable {
    case moveUp = "move_up", moveDown = "move_down", top, bottom, pageUp = "page_up", pageDown = "page_down"
    case open, back, quit, help, command, filter, refresh
    case mark, sortNext = "sort_next", sortFlip = "sort_flip", copy, pause, follow, nextPane = "next_pane"
    case block, unblock, newAddress = "new_address", create, edit

    /// Changes something at Calypso: asks for confirmation or input, and disappears in read-only mode.
    public var isDangerous: Bool {
        switch self {
        case .block, .unblock, .newAddress, .create, .edit: true
        default: false
        }
    }

    /// The keys it has unless the config says otherwise; the first is the one the config replaces.
    public var defaultKeys: [Key] {
        switch self {
        case .moveUp: [.character("k"), .up]
        case .moveDown: [.character("j"), .down]
        case .top: [.character("g"), .home]
        case .bottom: [.character("G"), .end]
        case .pageUp: [.control("u"), .pageUp]
        case .pageDown: [.control("d"), .pageDown]
        case .open: [.enter]
        case .back: [.escape]
        case .quit: [.character("q")]
        case .help: [.character("?")]
        case .command: [.character(":")]
        case .filter: [.character("/")]
        case .refresh: [.character("r")]
        case .mark: [.character(" ")]
        case .sortNext: [.character("s")]
        case .sortFlip: [.character("S")]
        case .copy: [.character("y")]
        case .pause: [.character("p")]
        case .follow: [.character("f")]
        case .nextPane: [.tab]
        case .block: [.character("b")]
        case .unblock: [.character("u")]
        case .newAddress: [.character("n")]
        case .create: [.character("c")]
        case .edit: [.character("e")]
        }
    }

    /// What the help screen says it does.
    public var summary: String {
        switch self {
        case .moveUp: "up"
        case .moveDown: "down"
        case .top: "first row"
        case .bottom: "last row"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .open: "open"
        case .back: "back / clear filter"
        case .quit: "quit (back when not on top)"
        case .help: "this help"
        case .command: "command (:feed :alerts :audit :blocked :theme NAME :q)"
        case .filter: "filter"
        case .refresh: "refresh now"
        case .mark: "mark for a bulk block/unblock"
        case .sortNext: "sort by the next column"
        case .sortFlip: "flip the sort direction"
        case .copy: "copy the id, address or hash (OSC 52)"
        case .pause: "pause / resume"
        case .follow: "follow newest"
        case .nextPane: "switch purses / transactions"
        case .block: "block customer(s)"
        case .unblock: "unblock customer(s)"
        case .newAddress: "new deposit address"
        case .create: "create customer"
        case .edit: "edit customer"
        }
    }
}
