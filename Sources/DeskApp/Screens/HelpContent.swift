import TerminalUI

/// The `?` help: the filter syntax, the current view's keys, the keys everywhere, and the commands, all from the registry.
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
        // The filter's syntax comes first, on the first screen of the help, above the keys.
        let filterKey = registration.keys.first { $0.action == .filter }
        if let filterKey, let label = state.keyMap.label(for: .filter) {
            sections.append(HelpSection(title: "Filter", entries: [HelpEntry(key: label, description: plain(filterKey.summary))]))
        }
        sections.append(HelpSection(title: "This view (\(registration.name))", entries: registration.keys.filter { $0.action != .filter }.compactMap { key in
            state.keyMap.label(for: key.action).map { HelpEntry(key: $0, description: plain(key.summary) + (key.action.asksFirst ? " (asks first)" : "")) }
        }))
        sections.append(HelpSection(title: "Everywhere", entries: KeyAction.everywhere.compactMap { action in
            state.keyMap.label(for: action).map { HelpEntry(key: $0, description: action.summary) }
        }))
        sections.append(HelpSection(title: "Commands", entries: ViewRegistry.commandHelp))
        return sections + view.extraHelp(state)
    }

    /// A summary as written for docs/KEYS.md, without its Markdown code marks.
    private static func plain(_ summary: String) -> String { summary.replacingOccurrences(of: "`", with: "") }
}
