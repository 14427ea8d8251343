import TerminalUI

/// Keys with no dialog or prompt open: the shell's own (moving, back, quit, help, prompts,
/// refresh), else the top view's when its registration lists the action.
extension AppState {
    mutating func handleKey(_ key: Key) -> [AppCommand] {
        if let offered = copyOffer {
            copyOffer = nil
            if modal == nil, prompt == nil, keyMap.action(for: key) == .copy { return copy(offered) }
        }
        if modal != nil { return handleModalKey(key) }
        if prompt != nil { return handlePromptKey(key) }
        guard let action = keyMap.action(for: key) else {
            if let reason = readOnlyReason,
               let disabled = ViewRegistry.allActions.first(where: { $0.isDangerous && $0.defaultKeys.contains(key) }) {
                showFlash("\(reason): \(disabled.summary) is disabled", level: .warning)
            }
            return []
        }
        return perform(action)
    }

    mutating func perform(_ action: KeyAction) -> [AppCommand] {
        switch action {
        case .moveUp: return move(.up)
        case .moveDown: return move(.down)
        case .top: return move(.home)
        case .bottom: return move(.end)
        case .pageUp: return move(.pageUp)
        case .pageDown: return move(.pageDown)
        case .back:
            return withTopView { view, shell in
                if !view.back(&shell) { shell.pop() }
                return []
            }
        case .quit:
            guard views.count == 1 else {
                pop()
                return navigate()
            }
            shouldQuit = true
            return [.quit]
        case .help: modal = .help(offset: 0)
        case .command: prompt = .command(TextInputState())
        case .refresh:
            showFlash(offline ? "offline: showing stored data" : "refreshing…", level: .info, seconds: 2)
            return (offline ? [] : [.refreshNow]) + views[views.count - 1].refresh(self)
        default:
            let registration = views[views.count - 1].registration
            if action == .filter { return openFilter() }
            guard registration.has(action) else { return [] }
            if action == .copy { return copySelection() }
            return withTopView { view, shell in view.perform(action, &shell) }
        }
        return []
    }

    private mutating func move(_ move: SelectionMove) -> [AppCommand] {
        withTopView { view, shell in
            view.move(move, &shell)
            return []
        }
    }

    private mutating func openFilter() -> [AppCommand] {
        guard let text = views[views.count - 1].filterText(self) else {
            showFlash("nothing to filter here", level: .info)
            return []
        }
        prompt = .filter(TextInputState(text: text))
        return []
    }

    private mutating func copySelection() -> [AppCommand] {
        let choices = views[views.count - 1].copyChoices(self)
        if choices.count > 1 {
            modal = .copyChooser(CopyChooser(title: "Copy", choices: choices))
            return []
        }
        guard let text = views[views.count - 1].copyText(self), !text.isEmpty else {
            showFlash("nothing to copy here", level: .warning)
            return []
        }
        return copy(text)
    }

    mutating func copy(_ text: String) -> [AppCommand] {
        showFlash("copied \(text)", level: .info)
        return [.copy(text)]
    }
}
