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
        buffer.put(hints(state), x: area.x + 1, y: area.y, style: state.theme[.statusBar], maxWidth: area.width - 1, ellipsis: true)
    }

    private static func filterPlaceholder(_ state: AppState) -> String {
        state.views[state.views.count - 1].registration.filterPlaceholder ?? ""
    }

    /// Key hints for the current view, most useful first; they are cut at the right edge.
    static func hints(_ state: AppState) -> Line {
        let actions = state.views[state.views.count - 1].registration.hints
        var spans: [Span] = []
        if let reason = state.readOnlyReason { spans += [Span("\(reason): actions disabled", style: state.theme[.flashWarn]), Span("  ")] }
        if let note = state.views[state.views.count - 1].statusNote(state) { spans += [Span(note, style: state.theme[.flashWarn]), Span("  ")] }
        for action in actions {
            guard let key = state.keyMap.primary(action) else { continue }
            spans += [Span(key, style: state.theme[.key].patched(with: Style(bg: state.theme[.statusBar].bg))), Span(" \(action.hint)  ")]
        }
        return Line(spans)
    }

}
