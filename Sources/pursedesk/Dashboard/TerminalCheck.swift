import Foundation

/// The dashboard needs a real terminal; say so in one line instead of starting ncurses blind.
enum TerminalCheck {
    static func requireInteractiveTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw CommandFailure(
                message: "the dashboard needs a terminal, but TERM is \(term.isEmpty ? "unset" : "\"dumb\""); in scripts use the customer, purse, tx and snapshot commands",
                exitCode: 1)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(
                message: "the dashboard needs standard input and output on a terminal; in scripts use the customer, purse, tx and snapshot commands",
                exitCode: 1)
        }
    }
}
