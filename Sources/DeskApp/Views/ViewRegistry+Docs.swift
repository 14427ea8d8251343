import TerminalUI

/// The key tables of docs/KEYS.md, written from the registry (a test keeps the file equal to them).
extension ViewRegistry {
    /// The section name of the keys every view has.
    static let everywhereSection = "everywhere"

    /// Each table by section name: `everywhere`, then each view's name.
    static var keyTables: [(name: String, table: String)] {
        [(everywhereSection, table(KeyAction.everywhere.map { ViewKey($0) }))] + views.map { ($0.name, table($0.keys)) }
    }

    /// `:customers` `:blocked` … for the Commands section.
    static var commandsLine: String {
        commandHelp.map { "`\($0.key)`" }.joined(separator: " ")
    }

    static func table(_ keys: [ViewKey]) -> String {
        var lines = ["| Key | Action | Config name |", "|-----|--------|-------------|"]
        for key in keys {
            let names = key.action.defaultKeys.map { "`\($0.name)`" }.joined(separator: " / ")
            lines.append("| \(names) | \(key.summary)\(key.action.isDangerous ? " ⚠" : "") | `\(key.action.name)` |")
        }
        return lines.joined(separator: "\n")
    }
}
