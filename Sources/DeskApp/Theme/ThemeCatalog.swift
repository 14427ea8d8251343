import Foundation

/// Finds themes by name: `$XDG_CONFIG_HOME/pursedesk/themes/NAME.toml` first, then the built-in ones.
public struct ThemeCatalog: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Whether NO_COLOR asks for no colour at all; then only the monochrome theme is used.
    public var colorDisabled: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    public var userThemeDirectory: URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true).appendingPathComponent(".config")
        return base.appendingPathComponent("pursedesk/themes", isDirectory: true)
    }

    /// The theme called `name` (nil: the default). Under NO_COLOR every name gives monochrome.
    public func load(_ name: String?) throws(ThemeError) -> Theme {
        if colorDisabled, let monochrome = BuiltinThemes.theme(named: "monochrome") { return monochrome }
        let name = name ?? BuiltinThemes.defaultName
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw ThemeError(source: "theme \"\(name)\"", line: nil, message: "a theme name is a file name without .toml")
        }
        let file = userThemeDirectory.appendingPathComponent("\(name).toml")
        if FileManager.default.fileExists(atPath: file.path) {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ThemeError(source: file.path, line: nil, message: "cannot read it as UTF-8 text")
            }
            return try ThemeParser.parse(text, name: name, source: file.path, base: .standard)
        }
        if let builtin = BuiltinThemes.theme(named: name) { return builtin }
        throw ThemeError(source: "theme \"\(name)\"", line: nil,
                         message: "not found in \(userThemeDirectory.path) or the built-in themes (\(BuiltinThemes.names.joined(separator: ", ")))")
    }
}
