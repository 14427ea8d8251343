/// The file formats an export writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180: a header row, CRLF line ends, fields quoted when they need it, formulas neutralised.
    case csv
    /// One JSON array of objects with the same keys as the CSV header.
    case json

    public var fileExtension: String { rawValue }
}

/// One cell of an exported row.
public enum ExportValue: Sendable, Hashable {
    case text(String?)
    case bool(Bool)
    case integer(Int64)
}
