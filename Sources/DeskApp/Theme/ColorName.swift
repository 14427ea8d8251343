import PursedeskConfig
import TerminalUI

/// Colour values in theme files: `"#ff8800"`, `208`, `"red"`, `"bright_blue"`, `"default"`.
enum ColorName {
    static let names: [String: Color] = [
        "default": .default, "black": .black, "red": .red, "green": .green, "yellow": .yellow, "blue": .blue,
        "magenta": .magenta, "cyan": .cyan, "white": .white, "gray": .gray, "grey": .gray,
        "bright_black": .gray, "bright_red": .brightRed, "bright_green": .brightGreen, "bright_yellow": .brightYellow,
        "bright_blue": .brightBlue, "bright_magenta": .brightMagenta, "bright_cyan": .brightCyan, "bright_white": .brightWhite,
    ]

    static func parse(_ value: TOMLNode) -> Color? {
        if let number = value.integer {
            guard (0...255).contains(number) else { return nil }
            return number < 16 ? .ansi(UInt8(number)) : .indexed(UInt8(number))
        }
        guard let text = value.string?.lowercased() else { return nil }
        if text.hasPrefix("#") { return hex(String(text.dropFirst())) }
        return names[text.replacingOccurrences(of: "-", with: "_")]
    }

    private static func hex(_ digits: String) -> Color? {
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
