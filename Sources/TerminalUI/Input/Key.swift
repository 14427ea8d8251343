/// A decoded key press (or terminal event).
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F63.
    case function(Int)
    /// Ctrl plus a key, stored lowercase (ctrl-r is `.control("r")`).
    case control(Character)
    /// The terminal changed size.
    case resize
    /// A key code nothing else matches.
    case unknown(Int32)
}
