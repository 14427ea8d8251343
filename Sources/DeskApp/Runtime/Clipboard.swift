import Foundation

/// Copies text to the terminal's clipboard with OSC 52, which works over ssh and in tmux.
public enum Clipboard {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }

    /// Writes the sequence to a terminal descriptor; call from the thread that draws.
    public static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        let bytes = Array(sequence(for: text).utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result <= 0 { return }
            written += result
        }
    }
}
