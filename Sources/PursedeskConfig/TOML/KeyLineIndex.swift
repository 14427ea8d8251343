import Foundation

/// The line each key path is first written on. TOMLKit reports positions only for syntax errors, so
/// this scans the (already valid) text: table headers, dotted keys, and `[[array]]` entries numbered
/// from 0 the way `TOMLNode` paths number them. Keys inside inline tables map to the line of the key
/// that holds the inline table.
struct KeyLineIndex: Sendable {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var header: [String] = []
        var arrayCounts: [String: Int] = [:]
        var openString: String? = nil
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            if let delimiter = openString {
                if rawLine.contains(delimiter) { openString = nil }
                continue
            }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[[") {
                let keys = Self.keys(in: line.dropFirst(2).prefix { $0 != "]" })
                let joined = keys.joined(separator: ".")
                let index = arrayCounts[joined, default: 0]
                arrayCounts[joined] = index + 1
                header = keys + [String(index)]
                record(header, line: number)
            } else if line.hasPrefix("[") {
                header = Self.keys(in: line.dropFirst().prefix { $0 != "]" })
                record(header, line: number)
            } else if let equals = Self.indexOutsideQuotes(of: "=", in: line) {
                record(header + Self.keys(in: line[..<equals]), line: number)
                let value = line[line.index(after: equals)...]
                for delimiter in ["\"\"\"", "'''"] where value.components(separatedBy: delimiter).count == 2 {
                    openString = delimiter
                }
            }
        }
    }

    /// The line of `path`, or of the longest prefix of it the file names.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: "\u{1F}")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        for length in 1...max(1, path.count) where length <= path.count {
            let key = path.prefix(length).joined(separator: "\u{1F}")
            if lines[key] == nil { lines[key] = line }
        }
    }

    private static func keys(in text: Substring) -> [String] {
        var keys: [String] = []
        var current = ""
        var quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                keys.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        keys.append(current.trimmingCharacters(in: .whitespaces))
        return keys
    }

    private static func indexOutsideQuotes(of target: Character, in line: String) -> String.Index? {
        var quote: Character? = nil
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == target {
                return index
            }
        }
        return nil
    }
}
