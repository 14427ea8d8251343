import TerminalUI

/// The `?` help: the current view's keys, the keys everywhere, and the commands.
enum HelpContent {
    static func sections(_ state: AppState) -> [HelpSection] {
        var sections: [HelpSection] = []
        if let reason = state.readOnlyReason {
            sections.append(HelpSection(title: "\(reason): actions disabled",
                                        entries: [HelpEntry(key: "", description: "block, unblock, new address, create and edit are off")]))
        }
        sections.append(section("This view (\(state.currentView.name))", viewActions(state.currentView), state))
        sections.append(section("Everywhere", [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .back, .quit, .command, .refresh, .help], state))
        sections.append(HelpSection(title: "Commands", entries: [
            HelpEntry(key: ":customers", description: "all customers"),
            HelpEntry(key: ":blocked", description: "blocked customers"),
            HelpEntry(key: ":feed", description: "live deposit feed"),
            HelpEntry(key: ":alerts", description: "alerts"),
            HelpEntry(key: ":audit", description: "operator audit log"),
            HelpEntry(key: ":theme NAME", description: BuiltinThemes.names.joined(separator: ", ") + " or your own"),
            HelpEntry(key: ":q", description: "quit"),
        ]))
        if state.currentView.isCustomerList {
            sections.append(HelpSection(title: "Filter", entries: [
                HelpEntry(key: "text", description: "in id, email, external id or description"),
                HelpEntry(key: "email:ann", description: "also id:, ext:, desc:, blocked:yes/no"),
            ]))
        }
        return sections
    }

    static func viewActions(_ view: ViewID) -> [KeyAction] {
        switch view {
        case .customers, .blocked: [.open, .filter, .mark, .sortNext, .sortFlip, .copy, .block, .unblock, .newAddress, .create, .edit]
        case .customerDetail: [.nextPane, .open, .copy, .newAddress, .block, .unblock, .edit, .create]
        case .feed: [.open, .pause, .follow, .filter, .copy]
        case .alerts: [.open, .copy]
        case .audit: [.copy]
        case .transaction: [.copy]
        }
    }

    /// Actions the key map no longer has (read-only) are left out.
    private static func section(_ title: String, _ actions: [KeyAction], _ state: AppState) -> HelpSection {
        HelpSection(title: title, entries: actions.compactMap { action in
            state.keyMap.label(for: action).map { HelpEntry(key: $0, description: action.summary + (action.isDangerous ? " (asks first)" : "")) }
        })
    }
}
