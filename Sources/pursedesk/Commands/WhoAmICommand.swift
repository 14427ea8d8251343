import ArgumentParser
import CalypsoAPI
import Foundation

struct WhoAmICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Check the credentials and show the accounts they may act on.")
    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        var baseURL: String
        var account: String
        var apiKey: String
        var source: String
        var user: CurrentUser
        var clockOffsetSeconds: Double
    }

    func run() async throws {
        try await runReporting {
            let context = try CommandContext(global)
            let client = try context.client()
            let user = try await client.currentUser()
            let source = switch context.configuration.credentialSource {
            case .environment: "environment"
            case .profile(let name): "profile \(name)"
            case .none: "none"
            }
            let report = Report(baseURL: client.credentials.baseURL.absoluteString, account: client.credentials.account,
                                apiKey: client.credentials.apiKey, source: source, user: user,
                                clockOffsetSeconds: client.measuredClockOffset)
            if global.json { return try Output.json(report) }
            Output.fields([
                ("base url", report.baseURL), ("account", report.account), ("api key", report.apiKey),
                ("credentials from", source), ("user", user.email ?? user.name ?? user.id ?? "—"),
                ("clock offset", String(format: "%+.0f s", report.clockOffsetSeconds)),
            ])
            let active = user.availableAccounts.contains { $0.account.lowercased() == report.account.lowercased() }
            print("accounts:")
            for account in user.availableAccounts {
                print("  \(account.account.lowercased() == report.account.lowercased() ? "*" : " ") \(account.account)  \(account.name ?? "")")
            }
            if !active && !user.availableAccounts.isEmpty {
                Terminal.printError("warning: the configured account is not among the accounts this key may use")
            }
        }
    }
}
