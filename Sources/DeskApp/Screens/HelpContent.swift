import TerminalUI

/// The `?` help: the current view's keys, the keys everywhere, and the commands, all from the registry.
enum HelpContent {
    static func sections(_ state: AppState) -> [HelpSection] {
        let view = state.views[state.views.count - 1]
        let registration = view.registration
        var sections: [HelpSection] = []
        if let reason = state.readOnlyReason {
            let disabled = registration.keys.filter(\.action.isDangerous).map { $0.action.name.replacingOccurrences(of: "_", with: " ") }
            sections.append(HelpSection(title: "\(reason): actions disabled", entries: [
                HelpEntry(key: "", description: disabled.isEmpty ? "actions that change anything are off" : disabled.joined(separator: ", ") + " are off"),
            ]))
        }
        sections.append(HelpSection(title: "This view (\(registration.name))", entries: registration.keys.compactMap { key in
            state.keyMap.label(for: key.action).map { HelpEntry(key: $0, description: key.summary + (key.action.asksFirst ? " (asks first)" : "")) }
        }))
        sections.append(HelpSection(title: "Everywhere", entries: KeyAction.everywhere.compactMap { action in
            state.keyMap.label(for: action).map { HelpEntry(key: $0, description: action.summary) }
        }))
        sections.append(HelpSection(title: "Commands", entries: ViewRegistry.commandHelp))
        return sections + view.extraHelp(state)
    }
}
