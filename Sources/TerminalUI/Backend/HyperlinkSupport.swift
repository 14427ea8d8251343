/// Whether to send OSC 8 hyperlinks to a terminal. Terminals that do not know OSC 8 are meant to
/// ignore it, and most do, so links are on unless the terminal is known to show the sequence as
/// garbage or to drop it:
///
/// - `TERM` unset, `dumb`, `linux` (the console), `vt52`/`vt100`/`vt102`/`vt220`/`vt320`, `ansi`,
///   `cons25`, `sun`, `eterm`/`emacs` (Emacs' terminals) or `INSIDE_EMACS` set: off.
/// - `screen*` outside tmux (GNU screen before 5.0 swallows OSC 8): off. Inside tmux (`TMUX` set,
///   whatever `TERM` says): on; tmux 3.4 and later pass links on, older ones drop them silently.
public enum HyperlinkSupport {
    private static let unsupportedFamilies: Set<String> = [
        "dumb", "linux", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi", "cons25", "sun", "eterm", "emacs",
    ]

    /// Whether the terminal described by `environment` is likely to show OSC 8 links.
    public static func isLikelySupported(environment: [String: String]) -> Bool {
        guard let term = environment["TERM"]?.lowercased(), !term.isEmpty else { return false }
        if environment["INSIDE_EMACS"] != nil { return false }
        let family = String(term.prefix { $0 != "-" && $0 != "." })
        if unsupportedFamilies.contains(family) { return false }
        if family == "screen" { return !(environment["TMUX"] ?? "").isEmpty }
        return true
    }
}
