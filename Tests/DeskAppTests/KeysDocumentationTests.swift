@testable import DeskApp
import Foundation
import Testing

/// docs/KEYS.md says what the registry does: each table between `<!-- keys:NAME -->` and
/// `<!-- /keys -->` is the registry's, and so is the commands line. `PURSEDESK_RECORD=1` rewrites them.
@Suite struct KeysDocumentationTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/KEYS.md")

    @Test func keysMarkdownMatchesTheRegistry() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        var expected = text
        for (name, table) in ViewRegistry.keyTables {
            expected = try Self.replacing(section: "keys:\(name)", with: table, in: expected)
        }
        expected = try Self.replacing(section: "commands", with: ViewRegistry.commandsLine, in: expected)
        if ProcessInfo.processInfo.environment["PURSEDESK_RECORD"] == "1", expected != text {
            try expected.write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        #expect(expected == text, "docs/KEYS.md differs from the key registry; PURSEDESK_RECORD=1 rewrites its tables")
    }

    /// One key map serves every view, so no two actions may share a default key.
    @Test func noTwoActionsShareADefaultKey() {
        let keys = ViewRegistry.allActions.flatMap(\.defaultKeys)
        #expect(Set(keys).count == keys.count)
        #expect(KeyMap().actions.count == keys.count)
    }

    /// `text` with the lines between `<!-- NAME -->` and `<!-- /keys -->` replaced by `body`.
    static func replacing(section name: String, with body: String, in text: String) throws -> String {
        let start = "<!-- \(name) -->\n", end = "<!-- /keys -->"
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex) else {
            throw MissingSection(name: name)
        }
        return text.replacingCharacters(in: open.upperBound..<close.lowerBound, with: body + "\n")
    }

    struct MissingSection: Error, CustomStringConvertible {
        var name: String
        var description: String { "docs/KEYS.md has no <!-- \(name) --> … <!-- /keys --> section" }
    }
}
