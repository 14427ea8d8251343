import ArgumentParser
import DeskModel
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The operator audit log: every action that changed something, who did it and how it ended.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the audit log as CSV or JSON, oldest first.",
            discussion: "Times are ISO 8601 in UTC. Reads the local store of the configured account.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only actions started at or after this date or time (UTC).") var since: String?
        @OptionGroup var export: ExportOptions

        func validate() throws { _ = try ExportDates.parse(since, "--since") }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let since = try ExportDates.parse(since, "--since")
                try await export.run(columns: JournalExport.auditColumns) { writer in
                    try JournalExport.writeAudit(model.store, since: since, to: writer)
                }
            }
        }
    }
}

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Alerts pursedesk raised: declined deposits, funds for blocked customers, declined addresses.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the alerts as CSV or JSON, oldest first.",
            discussion: "Times are ISO 8601 in UTC. Reads the local store of the configured account.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only alerts raised at or after this date or time (UTC).") var since: String?
        @OptionGroup var export: ExportOptions

        func validate() throws { _ = try ExportDates.parse(since, "--since") }

        func run() async throws {
            try await runReporting {
                let model = try LocalModel(try CommandContext(global))
                let since = try ExportDates.parse(since, "--since")
                try await export.run(columns: JournalExport.alertColumns) { writer in
                    try JournalExport.writeAlerts(model.store, since: since, to: writer)
                }
            }
        }
    }
}
