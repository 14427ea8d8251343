import TOMLKit

/// A whole TOML 1.0 file, parsed by TOMLKit (toml++), with the line each key path is written on.
public struct TOMLDocument: Sendable {
    /// The file path (or a name such as "built-in theme dark") that messages start with.
    public let source: String
    public let root: [String: TOMLNode]
    let keyLines: KeyLineIndex

    public static func parse(_ text: String, source: String) throws(TOMLProblem) -> TOMLDocument {
        if let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].reduce(1) { $1.isNewline ? $0 + 1 : $0 }
            throw TOMLProblem(source: source, line: line, message: "the file holds a NUL byte; is it a text file?")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLProblem(source: source, line: error.source.begin.line, column: error.source.begin.column,
                              message: error.description)
        } catch {
            throw TOMLProblem(source: source, message: "not valid TOML: \(error)")
        }
        return TOMLDocument(source: source, root: convert(table), keyLines: KeyLineIndex(text))
    }

    /// The whole document as a section, for reading with key paths in messages.
    public var rootSection: TOMLSection { TOMLSection(document: self, path: [], values: root) }

    /// The line `path` (or the nearest enclosing key the file names) is written on.
    public func line(of path: [String]) -> Int? { keyLines.line(of: path) }

    private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
        var values: [String: TOMLNode] = [:]
        for key in table.keys {
            if let value = table[key] { values[key] = convert(value) }
        }
        return values
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .boolean(value.bool ?? false)
        case .date, .time, .dateTime: .dateTime(value.tomlValue.debugDescription)
        case .array: .array(value.array.map { $0.map(convert) } ?? [])
        case .table: .table(value.table.map(convert) ?? [:])
        }
    }
}

/// Why a TOML file cannot be used: where (file, line, column when known), which key, and what is wrong.
public struct TOMLProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var column: Int?
    /// Dotted key path such as `profiles.prod.refresh_interval`.
    public var keyPath: String?
    public var message: String

    public init(source: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// The message without the file position: `profiles.prod.refresh_interval: expected a number, found "2s"`.
    public var detail: String { keyPath.map { "\($0): \(message)" } ?? message }

    public var description: String {
        source + (line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "") + ": " + detail
    }
}
