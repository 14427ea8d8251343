import ArgumentParser
import Foundation

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the whole set-up and print one line per check, with a fix where one fails.",
        discussion: """
            Checks: the config file parses, the credentials work (user/current), the clock against the API's \
            Date header, the local store's integrity and schema, the webhook listen port, the terminal's colours \
            and Unicode, the modes of files holding secrets, and the log file. Exits 1 when a check fails.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let checks = await DoctorChecks(options: global).run()
        for check in checks { print(check.line) }
        let failed = checks.filter { $0.outcome == .fail }.count
        let warned = checks.filter { $0.outcome == .warn }.count
        print(failed == 0 ? "all checks passed" + (warned > 0 ? " (\(warned) warning\(warned == 1 ? "" : "s"))" : "")
                          : "\(failed) check\(failed == 1 ? "" : "s") failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
