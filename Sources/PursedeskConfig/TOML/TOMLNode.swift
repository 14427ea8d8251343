/// A parsed TOML value, copied out of the parser into plain Sendable Swift values.
public indirect enum TOMLNode: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// Offset date-times, local date-times, dates and times, as written in the file.
    case dateTime(String)
    case array([TOMLNode])
    case table([String: TOMLNode])

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var integer: Int? { if case .integer(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    public var table: [String: TOMLNode]? { if case .table(let value) = self { value } else { nil } }
    public var array: [TOMLNode]? { if case .array(let value) = self { value } else { nil } }
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .boolean: "a boolean"
        case .dateTime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }

    /// What an error message shows of a value the user wrote: scalars as written (strings quoted and
    /// shortened), containers by type only.
    public var shownInMessage: String {
        switch self {
        case .string(let value):
            let shown = value.count > 40 ? value.prefix(40) + "…" : Substring(value)
            return "\"" + shown.map { $0.isNewline ? "⏎" : String($0) }.joined() + "\""
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .boolean(let value): return String(value)
        case .dateTime(let value): return value
        case .array, .table: return typeName
        }
    }
}
