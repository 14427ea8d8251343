import TerminalUI

/// The `/` filter and `:` command line.
extension AppState {
    static let commandHelp = ":customers :feed :blocked :alerts :audit :theme NAME :q"

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
        if currentView == .feed {
            feed.setFilter(text)
            feedTable = TableState()
            feed.isFollowing = false
        } else {
            applyCustomerFilter(text)
        }
    }

    mutating func applyCustomerFilter(_ text: String) {
        customerFilter = text
        customers.setFilter(text)
        currentTable.selection = SelectionState()
    }

    mutating func run(command line: String) -> [AppCommand] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        switch name {
        case "q", "q!", "quit", "exit":
            shouldQuit = true
            return [.quit]
        case "customers", "customer", "cust", "cu": return switchTo(.customers)
        case "feed", "fe": return switchTo(.feed)
        case "blocked", "bl": return switchTo(.blocked)
        case "alerts", "alert", "al": return switchTo(.alerts)
        case "audit", "au": return switchTo(.audit)
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
            showFlash("unknown command :\(line); try \(Self.commandHelp)", level: .error)
            return []
        }
    }
}
