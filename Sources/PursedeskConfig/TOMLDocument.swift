import Foundation

/// A value of the TOML subset pursedesk reads: strings, integers, floats, booleans, arrays and tables.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    public var table: TOMLTable? { if case .table(let value) = self { value } else { nil } }
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
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A TOML table that remembers the line each key was defined on, for error messages.
public struct TOMLTable: Equatable, Sendable {
    public private(set) var values: [String: TOMLValue] = [:]
    public private(set) var lines: [String: Int] = [:]
    public private(set) var order: [String] = []

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }
    public var keys: [String] { order }

    public func line(of key: String) -> Int? { lines[key] }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if values[key] == nil { order.append(key) }
        values[key] = value
        lines[key] = line
    }
}

public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { "line \(line): \(message)" }
}
