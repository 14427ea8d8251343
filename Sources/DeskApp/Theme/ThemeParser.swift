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

    init(_ problem: TOMLProblem) {
        self.init(source: problem.source, line: problem.line, message: problem.detail)
    }

    public var description: String { "\(source)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads theme files (TOML 1.0): one `[section]` per `ThemeRole` with `fg`, `bg`, `bold`, `dim`,
/// `underline`, `reverse`, and an optional top-level `borders = "unicode" | "ascii"`.
public enum ThemeParser {
    private static let attributeKeys = ["fg", "bg", "bold", "dim", "underline", "reverse"]
    private static let topLevelKeys = ["description", "borders"]

    /// Parses `text`; roles the file leaves out keep the style they have in `base`.
    public static func parse(_ text: String, name: String, source: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        do {
            return try parse(TOMLDocument.parse(text, source: source).rootSection, name: name, base: base)
        } catch {
            throw ThemeError(error)
        }
    }

    private static func parse(_ file: TOMLSection, name: String, base: Theme?) throws(TOMLProblem) -> Theme {
        var theme = Theme(name: name, styles: base?.styles ?? [:], borders: base?.borders ?? .unicode)
        let roleNames = ThemeRole.allCases.map(\.rawValue)
        for key in file.keys {
            if let role = ThemeRole(rawValue: key) {
                guard let section = try file.section(key, expected: "a [\(key)] section") else { continue }
                theme.styles[role] = try style(section)
            } else if key == "borders" {
                switch try file.string(key) {
                case "unicode": theme.borders = .unicode
                case "ascii": theme.borders = .ascii
                default: throw file.mismatch(key, expected: "\"unicode\" or \"ascii\"")
                }
            } else if !topLevelKeys.contains(key) {
                let hint = NearestName.closest(to: key, among: roleNames + topLevelKeys).map { "did you mean `\($0)`? " } ?? ""
                throw TOMLProblem(source: file.document.source, line: file.document.line(of: [key]),
                                  message: "unknown section \"\(key)\"; \(hint)(known: \(roleNames.joined(separator: ", ")))")
            }
        }
        return theme
    }

    private static func style(_ section: TOMLSection) throws(TOMLProblem) -> Style {
        var style = Style()
        for key in section.keys {
            switch key {
            case "fg", "bg":
                guard let value = section[key], let color = ColorName.parse(value) else {
                    throw section.mismatch(key, expected: "\"#rrggbb\", a number 0-255 or a colour name")
                }
                if key == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "dim", "underline", "reverse":
                let flag = try section.boolean(key) ?? false
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            default:
                let hint = NearestName.closest(to: key, among: attributeKeys).map { "did you mean `\($0)`? " } ?? ""
                throw section.problem(key, "unknown key; \(hint)(use \(attributeKeys.joined(separator: ", ")))")
            }
        }
        return style
    }
}
