import TerminalUI

/// The bottom line: the prompt being typed, else a flash message, else the current view's keys.
enum StatusLine {
    static func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let area = layout.status
        guard !area.isEmpty else { return }
        let styles = state.theme.widgetStyles
        switch state.prompt {
        case .filter(let input)?:
            TextInput(prompt: "/", state: input, placeholder: filterPlaceholder(state))
                .render(into: &buffer, area: area, styles: styles, style: state.theme[.statusBar])
            return
        case .command(let input)?:
            TextInput(prompt: ":", state: input, placeholder: ViewRegistry.commandPlaceholder)
                .render(into: &buffer, area: area, styles: styles, style: state.theme[.statusBar])
            return
        case nil:
            break
        }
        if let flash = state.flash {
            flash.message.render(into: &buffer, area: area, styles: styles)
            return
        }
        buffer.fill(area, style: state.theme[.statusBar])
        let hints = Line(fitting: hints(state), separator: Span("  "), width: area.width - 2)
        buffer.put(hints, x: area.x + 1, y: area.y, style: state.theme[.statusBar], maxWidth: area.width - 1, ellipsis: true)
    }

    private static func filterPlaceholder(_ state: AppState) -> String {
        state.views[state.views.count - 1].registration.filterPlaceholder ?? ""
    }

    /// Key hints for the current view, most useful first: when the line is short the last ones go,
    /// whole; the read-only note and `? help` stay.
    static func hints(_ state: AppState) -> [LineItem] {
        let actions = state.views[state.views.count - 1].registration.hints
        var items: [LineItem] = []
        if let reason = state.readOnlyReason {
            items.append(LineItem([Span("\(reason): actions disabled", style: state.theme[.flashWarn])], priority: .essential))
        }
        if let note = state.views[state.views.count - 1].statusNote(state) {
            items.append(LineItem([Span(note, style: state.theme[.flashWarn])], priority: .essential))
        }
        for action in actions {
            guard let key = state.keyMap.primary(action) else { continue }
            items.append(LineItem([Span(key, style: state.theme[.key].patched(with: Style(bg: state.theme[.statusBar].bg))), Span(" \(action.hint)")],
                                  priority: action == .help ? .essential : .important))
        }
        return items
    }
}
