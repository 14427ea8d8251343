import CalypsoAPI
import Foundation

/// Writes rows with a fixed set of columns as CSV (RFC 4180) or JSON, one row at a time.
public final class TableWriter {
    public let format: ExportFormat
    public let columns: [String]
    private let sink: ExportSink
    public private(set) var rowCount = 0

    public init(format: ExportFormat, columns: [String], sink: ExportSink) throws(ExportSink.Failure) {
        self.format = format
        self.columns = columns
        self.sink = sink
        switch format {
        case .csv: try sink.write(columns.map(Self.csvField).joined(separator: ",") + "\r\n")
        case .json: try sink.write("[")
        }
    }

    public func write(_ row: [ExportValue]) throws(ExportSink.Failure) {
        precondition(row.count == columns.count, "a row needs one value per column")
        switch format {
        case .csv:
            try sink.write(row.map(Self.csvCell).joined(separator: ",") + "\r\n")
        case .json:
            let members = zip(columns, row).map { "\(Self.jsonString($0)):\(Self.jsonValue($1))" }.joined(separator: ",")
            try sink.write((rowCount == 0 ? "\n" : ",\n") + "{" + members + "}")
        }
        rowCount += 1
    }

    public func finish() throws(ExportSink.Failure) {
        if format == .json { try sink.write(rowCount == 0 ? "]\n" : "\n]\n") }
        try sink.close()
    }

    // MARK: CSV

    static func csvCell(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): csvField(text.map(neutralised) ?? "")
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        }
    }

    /// A spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula; a
    /// leading apostrophe makes it text (OWASP's advice for CSV injection).
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// Quotes a field holding a comma, quote, CR or LF, doubling its quotes (RFC 4180 2.6–2.7).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): text.map(jsonString) ?? "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                out += String(format: "\\u%04x", control.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-12-05T06:20:00.000Z`.
    public static func time(_ date: Date?) -> ExportValue { .text(date.map(CalypsoDate.format)) }
}
