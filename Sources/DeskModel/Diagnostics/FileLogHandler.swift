import Foundation
import Logging

/// A swift-log handler writing one line per message to a `LogFile`:
/// `2026-12-05T06:30:00.123Z warning sync: refresh failed reason="connection refused"`.
public struct FileLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let file: LogFile

    public init(label: String, file: LogFile, level: Logger.Level) {
        self.label = label
        self.file = file
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = event.metadata.map { metadata.merging($0) { $1 } } ?? metadata
        var text = "\(Self.timestamp(Date())) \(event.level) \(label): \(event.message)"
        if let error = event.error { text += " error=\(Self.quoted("\(error)"))" }
        for key in merged.keys.sorted() {
            text += " \(key)=\(Self.quoted("\(merged[key]!)"))"
        }
        file.write(text)
    }

    private static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }

    /// ISO 8601 in UTC with milliseconds, without a formatter per line.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(milliseconds % 1000))
    }
}

/// Loggers for the parts of pursedesk: writing to the log file when there is one, else nowhere
/// (never to the terminal, which the dashboard owns).
public struct Diagnostics: Sendable {
    public let file: LogFile?
    public let level: Logger.Level

    public init(file: LogFile?, level: Logger.Level) {
        self.file = file
        self.level = level
    }

    /// Logs nothing: the default for every part that is given no diagnostics (tests, tools).
    public static let silent = Diagnostics(file: nil, level: .critical)

    public func logger(_ part: String) -> Logger {
        let label = part
        guard let file else {
            return Logger(label: "pursedesk.\(label)") { _ in SwiftLogNoOpLogHandler() }
        }
        let level = self.level
        return Logger(label: "pursedesk.\(label)") { _ in FileLogHandler(label: label, file: file, level: level) }
    }
}
