/// Where a run of cells links to: the target of an OSC 8 hyperlink, which terminals that support
/// it open on ctrl/cmd-click.
public struct Hyperlink: Hashable, Sendable {
    /// The URI as sent: printable ASCII only, every other byte percent-encoded, so data can never
    /// end the escape sequence early or smuggle another one in.
    public let uri: String

    /// Creates a link; nil for an empty target.
    public init?(_ target: String) {
        guard !target.isEmpty else { return nil }
        var encoded = ""
        for byte in target.utf8 {
            if (0x21...0x7E).contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        uri = encoded
    }

    /// `ESC ] 8 ; ; uri ESC \`: the cells written after it link to `uri`.
    public var openSequence: String { "\u{1B}]8;;\(uri)\u{1B}\\" }
    /// `ESC ] 8 ; ; ESC \`: ends the link.
    public static let closeSequence = "\u{1B}]8;;\u{1B}\\"
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
