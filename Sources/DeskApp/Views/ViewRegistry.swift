import TerminalUI

/// Every view, in the order of the help and docs/KEYS.md. Adding a view: a folder under Views/
/// with the view and its registration, and one line here.
public enum ViewRegistry {
    static let views: [ViewRegistration] = [
        OverviewView.registration,
        CustomersView.registration,
        CustomersView.blockedRegistration,
        CustomerDetailView.registration,
        TransactionView.registration,
        FeedView.registration,
        AlertsView.registration,
        AuditView.registration,
        AccountsView.registration,
    ]

    /// What the dashboard opens on, and what `:` commands stack their view on.
    static var home: ViewRegistration { views[0] }

    private static let byName = Dictionary(views.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    static func registration(_ id: ViewID) -> ViewRegistration {
        guard let registration = byName[id.name] else { preconditionFailure("view \(id.name) is not registered") }
        return registration
    }

    /// The views a `:` command opens, by their documented command.
    public static var commandNames: [String] { views.filter { $0.make != nil }.map { $0.commands[0] } }

    static func view(forCommand name: String) -> ViewRegistration? {
        views.first { $0.make != nil && $0.commands.contains(name) }
    }

    /// The shell's actions and every view's, each once.
    static let allActions: [KeyAction] = {
        var seen = Set<KeyAction>()
        return (KeyAction.everywhere + views.flatMap { $0.keys.map(\.action) }).filter { seen.insert($0).inserted }
    }()

    /// The `:` commands besides the views'.
    static let shellCommands = [
        HelpEntry(key: ":theme NAME", description: BuiltinThemes.names.joined(separator: ", ") + " or your own"),
        HelpEntry(key: ":help", description: "this help"),
        HelpEntry(key: ":q", description: "quit"),
    ]

    static var commandHelp: [HelpEntry] {
        views.filter { $0.make != nil }.map { HelpEntry(key: ":\($0.commands[0])", description: $0.summary) } + shellCommands
    }

    /// ":customers :blocked … :theme NAME :q", for messages.
    static var commandSummary: String { commandHelp.map(\.key).filter { $0 != ":help" }.joined(separator: " ") }

    /// "customers blocked … theme NAME q", for the `:` prompt's placeholder.
    static var commandPlaceholder: String { commandSummary.replacingOccurrences(of: ":", with: "") }
}
