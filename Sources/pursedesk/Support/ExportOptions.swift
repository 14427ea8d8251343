import ArgumentParser
import DeskModel
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// Options every export shares: format and destination.
struct ExportOptions: ParsableArguments {
    @Option(help: "csv (RFC 4180, for spreadsheets) or json.") var format: ExportFormat = .csv
    @Option(help: "Write to this new file (never overwritten) instead of standard output.") var output: String?

    func sink() throws -> ExportSink {
        guard let output else { return ExportSink.standardOutput() }
        do {
            return try ExportSink.newFile(output)
        } catch {
            throw CommandFailure(message: error.description, exitCode: ExitStatus.apiFailure)
        }
    }

    /// Writes rows through `body`, then reports where they went on standard error.
    func run(columns: [String], _ body: (TableWriter) async throws -> Void) async throws {
        let sink = try sink()
        let writer: TableWriter
        do {
            writer = try TableWriter(format: format, columns: columns, sink: sink)
            try await body(writer)
            try writer.finish()
        } catch let failure as ExportSink.Failure {
            throw CommandFailure(message: failure.description, exitCode: ExitStatus.apiFailure)
        }
        ExportProgressLine.finish()
        if let path = sink.path { Terminal.printError("wrote \(Output.count(writer.rowCount, "row")) to \(path)") }
    }
}

/// Parses `--since` / `--until` values.
enum ExportDates {
    static func parse(_ text: String?, _ name: String, endOfDay: Bool = false) throws -> Date? {
        guard let text else { return nil }
        guard let date = ExportFilter.parseDate(text, endOfDay: endOfDay) else {
            throw ValidationError("\(name) must be a date such as 2026-12-01 or a time such as 2026-12-01T08:00:00Z, not \"\(text.prefix(40))\"")
        }
        return date
    }
}

/// "exported 1500 of 10000 rows" on standard error, rewritten in place; only on a terminal.
enum ExportProgressLine {
    static let enabled = isatty(STDERR_FILENO) == 1

    static func show(_ progress: ExportProgress) {
        guard enabled else { return }
        let total = progress.expected.map { " of \($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[Kexported \(progress.rows)\(total) rows".utf8))
    }

    static func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
