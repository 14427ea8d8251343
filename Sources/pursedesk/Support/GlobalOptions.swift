import ArgumentParser
import Logging

/// Options every command that talks to Calypso accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Use the named profile from the config file.")
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("Act on this merchant account (0x + hex), overriding the profile's and CALYPSO_ACCOUNT.",
                                            valueName: "0x…"))
    var account: String?

    @Option(name: .long, help: "Read this config file instead of $XDG_CONFIG_HOME/pursedesk/config.toml.")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Keep local data here (default: $XDG_DATA_HOME/pursedesk).")
    var dataDir: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Flag(name: .long, help: "Log every request to standard error (the secret is never logged).")
    var verbose = false

    @Option(name: .long, help: "Seconds to wait for each request.")
    var timeout: Double?

    @Option(name: .customLong("log-level"),
            help: "How much goes to $XDG_STATE_HOME/pursedesk/pursedesk.log: trace, debug, info (default), notice, warning, error, critical.")
    var logLevel: Logger.Level?

    @Option(name: .long, help: "Share a team store: postgres://USER@HOST[:PORT]/DB (password from PGPASSWORD, ~/.pgpass or store_password_file).")
    var store: String?

    func validate() throws {
        if let account, !Self.isAccount(account) {
            throw ValidationError("--account must be 0x followed by hexadecimal digits (like 0xc195df92dd9db2a8f28e597981f113d6e7582f8b), not \"\(account)\"")
        }
        if let timeout, !(timeout > 0 && timeout <= 600) {
            throw ValidationError("--timeout must be between 0 and 600 seconds")
        }
    }

    static func isAccount(_ text: String) -> Bool {
        text.hasPrefix("0x") && text.count > 2 && text.dropFirst(2).allSatisfy(\.isHexDigit)
    }
}
