import Foundation

/// The OSC 52 sequence that puts text on the terminal's clipboard; it works over ssh, and in tmux
/// with `set-clipboard on`. Backends send it (`TerminalBackend.copyToClipboard`).
public enum Clipboard {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }
}
