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
            TextInput(prompt: ":", state: input, placeholder: "customers feed blocked alerts audit theme NAME q")
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
        state.currentView == .feed ? "state:declined currency:eth or text" : "text, email:ann, ext:123, blocked:yes"
    }

    /// Key hints for the current view, most useful first; they are cut at the right edge.
    static func hints(_ state: AppState) -> Line {
        var actions: [KeyAction]
        switch state.currentView {
        case .customers, .blocked: actions = [.open, .filter, .block, .unblock, .newAddress, .create, .edit, .mark, .sortNext, .sortFlip, .command, .help, .quit]
        case .customerDetail: actions = [.back, .nextPane, .newAddress, .copy, .block, .unblock, .edit, .open, .help]
        case .feed: actions = [.back, .open, .pause, .follow, .filter, .copy, .help]
        case .alerts: actions = [.back, .open, .refresh, .help]
        case .audit: actions = [.back, .refresh, .help]
        case .transaction: actions = [.back, .copy, .refresh, .help]
        }
        var spans: [Span] = []
        if let reason = state.readOnlyReason { spans += [Span("\(reason): actions disabled", style: state.theme[.flashWarn]), Span("  ")] }
        for action in actions {
            guard let key = state.keyMap.primary(action) else { continue }
            spans += [Span(key, style: state.theme[.key].patched(with: Style(bg: state.theme[.statusBar].bg))), Span(" \(shortName(action))  ")]
        }
        return Line(spans)
    }

    private static func shortName(_ action: KeyAction) -> String {
        switch action {
        case .open: "open"
        case .back: "back"
        case .quit: "quit"
        case .help: "help"
        case .command: "cmd"
        case .filter: "filter"
        case .refresh: "refresh"
        case .mark: "mark"
        case .sortNext: "sort"
        case .sortFlip: "flip"
        case .copy: "copy"
        case .pause: "pause"
        case .follow: "follow"
        case .nextPane: "pane"
        case .block: "block"
        case .unblock: "unblock"
        case .newAddress: "address"
        case .create: "new"
        case .edit: "edit"
        default: action.summary
        }
    }
}
