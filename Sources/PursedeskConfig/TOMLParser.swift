/// Parses the subset of TOML that config and theme files use: `[table]` and `[a.b]` headers,
/// `key = value` with bare or quoted keys, basic and literal strings, integers, floats, booleans,
/// arrays (also over several lines) and comments. Anything else is an error naming its line.
public enum TOMLParser {
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var scanner = Scanner(Array(text.unicodeScalars))
        var root = TOMLTable()
        var currentPath: [String] = []
        var definedTables: Set<[String]> = []

        while true {
            scanner.skipBlankAndComments()
            guard let scalar = scanner.peek else { break }
            if scalar == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw scanner.error("arrays of tables ([[...]]) are not supported") }
                let path = try scanner.keyPath(terminator: "]")
                scanner.advance()
                try scanner.endOfLine()
                guard definedTables.insert(path).inserted else {
                    throw scanner.error("table [\(path.joined(separator: "."))] is defined twice")
                }
                try ensureTable(&root, path: path, line: scanner.line, scanner: scanner)
                currentPath = path
            } else {
                let line = scanner.line
                let keyPath = try scanner.keyPath(terminator: "=")
                scanner.advance()
                scanner.skipSpaces()
                let value = try scanner.value()
                try scanner.endOfLine()
                try insert(&root, path: currentPath + keyPath.dropLast(), key: keyPath.last!, value: value, line: line, scanner: scanner)
            }
        }
        return root
    }

    private static func ensureTable(_ table: inout TOMLTable, path: [String], line: Int, scanner: Scanner) throws(TOMLError) {
        guard let first = path.first else { return }
        var child: TOMLTable
        switch table[first] {
        case nil: child = TOMLTable()
        case .table(let existing)?: child = existing
        case let other?: throw TOMLError(line: line, message: "\(first) is already \(other.typeName), not a table")
        }
        try ensureTable(&child, path: Array(path.dropFirst()), line: line, scanner: scanner)
        table.set(first, .table(child), line: table.line(of: first) ?? line)
    }

    private static func insert(_ table: inout TOMLTable, path: [String], key: String, value: TOMLValue, line: Int,
                               scanner: Scanner) throws(TOMLError) {
        if let first = path.first {
            var child: TOMLTable
            switch table[first] {
            case nil: child = TOMLTable()
            case .table(let existing)?: child = existing
            case let other?: throw TOMLError(line: line, message: "\(first) is already \(other.typeName), not a table")
            }
            try insert(&child, path: Array(path.dropFirst()), key: key, value: value, line: line, scanner: scanner)
            table.set(first, .table(child), line: table.line(of: first) ?? line)
            return
        }
        if table[key] != nil { throw TOMLError(line: line, message: "\(key) is set twice") }
        table.set(key, value, line: line)
    }

    struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
            if peek == "\n" { line += 1 }
            index += 1
        }

        func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

        mutating func skipSpaces() {
            while let scalar = peek, scalar == " " || scalar == "\t" { advance() }
        }

        mutating func skipComment() {
            if peek == "#" { while let scalar = peek, scalar != "\n" { advance() } }
        }

        mutating func skipBlankAndComments() {
            while let scalar = peek {
                if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" { advance() }
                else if scalar == "#" { skipComment() }
                else { break }
            }
        }

        mutating func endOfLine() throws(TOMLError) {
            skipSpaces()
            skipComment()
            if peek == "\r" { advance() }
            guard peek == nil || peek == "\n" else { throw error("unexpected text after the value") }
        }

        mutating func keyPath(terminator: Unicode.Scalar) throws(TOMLError) -> [String] {
            var parts: [String] = []
            while true {
                skipSpaces()
                parts.append(try key())
                skipSpaces()
                if peek == "." { advance(); continue }
                guard peek == terminator else {
                    throw error(peek == nil || peek == "\n" ? "expected \(terminator)" : "unexpected character '\(peek!)' in a key")
                }
                return parts
            }
        }

        mutating func key() throws(TOMLError) -> String {
            if peek == "\"" { return try basicString() }
            if peek == "'" { return try literalString() }
            var text = ""
            while let scalar = peek, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
                text.unicodeScalars.append(scalar)
                advance()
            }
            guard !text.isEmpty else { throw error("expected a key") }
            return text
        }

        mutating func value() throws(TOMLError) -> TOMLValue {
            guard let scalar = peek else { throw error("expected a value") }
            switch scalar {
            case "\"":
                return .string(try basicString())
            case "'":
                return .string(try literalString())
            case "[":
                return try array()
            case "{":
                throw error("inline tables are not supported; use a [table] header")
            case "t", "f":
                let word = bareWord()
                if word == "true" { return .boolean(true) }
                if word == "false" { return .boolean(false) }
                throw error("unknown value '\(word)' (strings need quotes)")
            default:
                let word = bareWord()
                let cleaned = word.replacingOccurrences(of: "_", with: "")
                if let integer = Int64(cleaned) { return .integer(integer) }
                if cleaned.hasPrefix("0x"), let hex = Int64(cleaned.dropFirst(2), radix: 16) { return .integer(hex) }
                if let float = Double(cleaned), !cleaned.isEmpty { return .float(float) }
                throw error(word.isEmpty ? "expected a value" : "unknown value '\(word)' (strings need quotes)")
            }
        }

        mutating func bareWord() -> String {
            var text = ""
            while let scalar = peek, !(scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == ","
                                       || scalar == "]" || scalar == "#") {
                text.unicodeScalars.append(scalar)
                advance()
            }
            return text
        }

        mutating func array() throws(TOMLError) -> TOMLValue {
            advance()
            var items: [TOMLValue] = []
            while true {
                skipBlankAndComments()
                if peek == "]" { advance(); return .array(items) }
                items.append(try value())
                skipBlankAndComments()
                if peek == "," { advance(); continue }
                if peek == "]" { advance(); return .array(items) }
                throw error("expected , or ] in an array")
            }
        }

        mutating func literalString() throws(TOMLError) -> String {
            advance()
            var text = ""
            while let scalar = peek {
                if scalar == "'" { advance(); return text }
                if scalar == "\n" { break }
                text.unicodeScalars.append(scalar)
                advance()
            }
            throw error("unterminated string")
        }

        mutating func basicString() throws(TOMLError) -> String {
            advance()
            var text = ""
            while let scalar = peek {
                if scalar == "\"" { advance(); return text }
                if scalar == "\n" { break }
                if scalar == "\\" {
                    advance()
                    guard let escaped = peek else { break }
                    advance()
                    switch escaped {
                    case "n": text += "\n"
                    case "t": text += "\t"
                    case "r": text += "\r"
                    case "\"": text += "\""
                    case "\\": text += "\\"
                    case "u", "U":
                        let width = escaped == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<width {
                            guard let digit = peek else { break }
                            hex.unicodeScalars.append(digit)
                            advance()
                        }
                        guard let code = UInt32(hex, radix: 16), let unicode = Unicode.Scalar(code) else {
                            throw error("bad unicode escape \\\(escaped)\(hex)")
                        }
                        text.unicodeScalars.append(unicode)
                    default:
                        throw error("unknown escape \\\(escaped)")
                    }
                    continue
                }
                text.unicodeScalars.append(scalar)
                advance()
            }
            throw error("unterminated string")
        }
    }
}
