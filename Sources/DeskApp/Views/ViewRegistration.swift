import TerminalUI

/// A key a view has, in the view's own words.
struct ViewKey: Sendable {
    var action: KeyAction
    var summary: String

    init(_ action: KeyAction, _ summary: String? = nil) {
        self.action = action
        self.summary = summary ?? action.summary
    }
}

/// What the registry knows of a view: its name, `:` commands, keys (for the key map, the help and
/// docs/KEYS.md), status line hints, and how to make one for a `:` command.
struct ViewRegistration: Sendable {
    /// The `ViewID.name` of its views.
    var name: String
    /// The heading of its section in docs/KEYS.md.
    var heading: String
    /// `:` commands that open it, the first one the documented one; empty when it is reached by `enter`.
    var commands: [String]
    /// What the command opens, for the help.
    var summary: String
    var keys: [ViewKey]
    /// The status line, most useful first.
    var hints: [KeyAction]
    /// The `/` prompt's placeholder, for views with a filter.
    var filterPlaceholder: String?
    /// A fresh view for its `:` command.
    var make: (@Sendable () -> any DeskView)?

    init(name: String, heading: String, commands: [String] = [], summary: String = "", keys: [ViewKey], hints: [KeyAction],
         filterPlaceholder: String? = nil, make: (@Sendable () -> any DeskView)? = nil) {
        self.name = name
        self.heading = heading
        self.commands = commands
        self.summary = summary
        self.keys = keys
        self.hints = hints
        self.filterPlaceholder = filterPlaceholder
        self.make = make
    }

    func has(_ action: KeyAction) -> Bool { keys.contains { $0.action == action } }
}
