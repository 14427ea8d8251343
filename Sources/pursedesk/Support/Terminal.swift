import Foundation

enum Terminal {
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks a yes/no question on the terminal; only an explicit `y` or `yes` confirms.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return answer == "y" || answer == "yes"
    }
}
