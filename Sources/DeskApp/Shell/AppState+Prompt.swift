import TerminalUI

/// The `/` filter and `:` command line.
extension AppState {
    mutating func handlePromptKey(_ key: Key) -> [AppCommand] {
        switch prompt {
        case .filter(var input)?:
            switch key {
            case .escape:
                prompt = nil
                setFilter("")
            case .enter:
                prompt = nil
            default:
                guard input.apply(key) else { return [] }
                prompt = .filter(input)
                setFilter(input.text)
            }
        case .command(var input)?:
            switch key {
            case .escape:
                prompt = nil
            case .enter:
                prompt = nil
                return run(command: input.text)
            case .backspace where input.text.isEmpty:
                prompt = nil
            default:
                input.apply(key)
                prompt = .command(input)
            }
        case nil:
            break
        }
        return []
    }

    private mutating func setFilter(_ text: String) {
        _ = withTopView { view, shell in
            view.setFilter(text, &shell)
            return []
        }
    }

    /// "unknown command :x; try :overview :customers … :help lists all", with as many whole
    /// command names as fit in `width`, so a narrow status line never cuts one in half.
    static func unknownCommand(_ line: String, width: Int) -> String {
        let head = "unknown command :\(line); "
        var names = ViewRegistry.commandHelp.map(\.key).filter { $0 != ":help" }
        let all = head + "try " + names.joined(separator: " ")
        if DisplayWidth.of(all) <= width { return all }
        while !names.isEmpty {
            names.removeLast()
            let message = head + "try " + names.joined(separator: " ") + " … :help lists all"
            if !names.isEmpty, DisplayWidth.of(message) <= width { return message }
        }
        return head + ":help lists all"
    }

    mutating func run(command line: String) -> [AppCommand] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        switch name {
        case "q", "q!", "quit", "exit":
            shouldQuit = true
            return [.quit]
        case "help", "h":
            modal = .help(offset: 0)
            return []
        case "theme":
            guard words.count == 2 else {
                showFlash("usage: :theme NAME (built in: \(BuiltinThemes.names.joined(separator: ", ")))", level: .warning, seconds: 6)
                return []
            }
            return [.loadTheme(words[1])]
        default:
            guard let registration = ViewRegistry.view(forCommand: name), let make = registration.make else {
                showFlash(Self.unknownCommand(line, width: size.width - 1), level: .error)
                return []
            }
            switchTo(make())
            return navigate()
        }
    }
}
