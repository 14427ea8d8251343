import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation
import TeamStore

struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Set up and inspect a team store (PostgreSQL shared by several desks).",
        discussion: """
            Every command takes --store postgres://USER@HOST[:PORT]/DB (or PURSEDESK_STORE, or store = "…" in a profile). \
            The password comes from PGPASSWORD, ~/.pgpass or store_password_file, never from the URL.
            """,
        subcommands: [Init.self, Status.self, Audit.self, Compact.self])

    /// The team store the options name; a command here without one is a usage error.
    static func team(_ context: CommandContext) throws -> TeamStore {
        let account = context.configuration.credentials?.account ?? "sandbox"
        guard let team = try TeamMode.team(context, account: account) else {
            throw CommandFailure(message: "no team store: pass --store postgres://USER@HOST[:PORT]/DB or set PURSEDESK_STORE",
                                 exitCode: ExitStatus.configuration)
        }
        return team
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or upgrade the team store's schema and say what was done (desks also do it on first use).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await runReporting {
                let team = try TeamCommand.team(try CommandContext(global))
                defer { Task { await team.close() } }
                let applied = try await teamCall { () async throws(TeamStoreError) in try await team.migrate() }
                if applied.isEmpty {
                    print("\(team.url): schema already current; nothing to do")
                } else {
                    print("\(team.url): applied")
                    for line in applied { print("  " + line) }
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the team store's schema, change log and poller for the account.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await runReporting {
                let team = try TeamCommand.team(try CommandContext(global))
                let summary = try await teamCall { () async throws(TeamStoreError) in try await team.summary() }
                await team.close()
                if global.json { return try Output.json(summary) }
                Output.fields([
                    ("store", team.url.description), ("account", team.account),
                    ("schema", "version \(summary.schemaVersion) (this pursedesk: \(summary.binarySchemaVersion))"),
                    ("poller", summary.pollerActive ? "a desk is polling" : "no desk is polling"),
                    ("change log", "\(summary.changes) changes, last #\(summary.lastSequence) at \(Output.date(summary.lastChangeAt))"),
                    ("customers", String(summary.customers)), ("deposits", String(summary.deposits)),
                    ("webhook events", String(summary.webhookEvents)), ("audit entries", String(summary.auditEntries)),
                ])
            }
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the team's shared audit log, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only actions on this customer id.") var customer: String?
        @Option(help: "How many entries.") var limit = 50

        func validate() throws {
            if let customer { try ArgumentChecks.uuid(customer, "--customer") }
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1–10000") }
        }

        func run() async throws {
            try await runReporting {
                let team = try TeamCommand.team(try CommandContext(global))
                let entries = try await teamCall { () async throws(TeamStoreError) in try await team.auditLog(target: customer, limit: limit) }
                await team.close()
                if global.json { return try Output.json(entries) }
                Output.table(["AT", "OPERATOR", "HOST", "ACTION", "TARGET", "RESULT", "DETAIL"], entries.map {
                    [Output.date($0.at), $0.operatorName, $0.host, $0.action, $0.target, $0.result, [$0.detail, $0.error].compactMap { $0 }.joined(separator: " · ")]
                })
            }
        }
    }
}
