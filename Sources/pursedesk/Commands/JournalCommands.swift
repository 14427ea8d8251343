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
            try await exportJournal(global, since: since, export, columns: JournalExport.auditColumns, write: JournalExport.writeAudit)
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
            try await exportJournal(global, since: since, export, columns: JournalExport.alertColumns, write: JournalExport.writeAlerts)
        }
    }
}

/// `audit export` and `alerts export`: the configured account's local store, from `--since` on.
private func exportJournal(_ global: GlobalOptions, since text: String?, _ export: ExportOptions, columns: [String],
                           write: @escaping (DeskStore, Date?, TableWriter) throws -> Int) async throws {
    try await runReporting {
        let model = try LocalModel(try CommandContext(global))
        let since = try ExportDates.parse(text, "--since")
        try await export.run(columns: columns) { writer in
            _ = try write(model.store, since, writer)
        }
    }
}
