import CNcursesw
import Foundation

/// What the terminal the program runs in can show, read from terminfo and the locale without
/// taking the screen (for `doctor`).
public struct TerminalCapabilities: Sendable, Equatable {
    public var term: String?
    /// Colours terminfo lists for `term`; nil when the terminal is unknown to terminfo.
    public var colors: Int?
    /// The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968".
    public var characterSet: String

    public var unicode: Bool { characterSet.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" }

    public static func probe(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalCapabilities {
        setlocale(LC_CTYPE, "")
        let characterSet = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? "unknown"
        let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        guard term != nil else { return TerminalCapabilities(term: nil, colors: nil, characterSet: characterSet) }
        let colors = Int(pd_terminfo_colors())
        return TerminalCapabilities(term: term, colors: colors == -2 ? nil : max(0, colors), characterSet: characterSet)
    }
}
