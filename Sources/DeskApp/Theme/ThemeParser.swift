import PursedeskConfig
import TerminalUI

/// Why a theme file could not be used.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (or theme name for a built-in one).
    public var source: String
    public var line: Int?
    public var message: String

    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads theme files: one `[section]` per `ThemeRole` with `fg`, `bg`, `bold`, `dim`,
/// `underline`, `reverse`, and an optional top-level `borders = "unicode" | "ascii"`.
public enum ThemeParser {
    private static let attributeKeys: Set<String> = ["fg", "bg", "bold", "dim", "underline", "reverse"]
    private static let topLevelKeys: Set<String> = ["description", "borders"]

    /// Parses `text`; roles the file leaves out keep the style they have in `base`.
    public static func parse(_ text: String, name: String, source: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw ThemeError(source: source, line: error.line, message: error.message)
        }
        var theme = Theme(name: name, styles: base?.styles ?? [:], borders: base?.borders ?? .unicode)
        for key in table.keys {
            let line = table.line(of: key)
            guard let value = table[key] else { continue }
            if let role = ThemeRole(rawValue: key) {
                guard let section = value.table else {
                    throw ThemeError(source: source, line: line, message: "\(key) must be a [\(key)] section")
                }
                theme.styles[role] = try style(section, role: key, source: source)
            } else if key == "borders" {
                switch value.string {
                case "unicode": theme.borders = .unicode
                case "ascii": theme.borders = .ascii
                default: throw ThemeError(source: source, line: line, message: "borders must be \"unicode\" or \"ascii\"")
                }
            } else if !topLevelKeys.contains(key) {
                throw ThemeError(source: source, line: line, message: "unknown section \"\(key)\" (known: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return theme
    }

    private static func style(_ section: TOMLTable, role: String, source: String) throws(ThemeError) -> Style {
        var style = Style()
        for key in section.keys {
            let line = section.line(of: key)
            guard attributeKeys.contains(key), let value = section[key] else {
                throw ThemeError(source: source, line: line, message: "unknown key \(role).\(key) (use fg, bg, bold, dim, underline, reverse)")
            }
            switch key {
            case "fg", "bg":
                guard let color = ColorName.parse(value) else {
                    throw ThemeError(source: source, line: line,
                                     message: "\(role).\(key): expected \"#rrggbb\", a number 0-255 or a colour name, not \(value.typeName)")
                }
                if key == "fg" { style.fg = color } else { style.bg = color }
            default:
                guard let flag = value.boolean else {
                    throw ThemeError(source: source, line: line, message: "\(role).\(key) must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            }
        }
        return style
    }
}
