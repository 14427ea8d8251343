/// CSV as RFC 4180 and spreadsheets write it: fields separated by commas, semicolons (Excel in many
/// locales) or tabs — whichever the header line uses — optionally quoted with `"` (doubled inside
/// quotes), records ending in LF or CRLF, an optional UTF-8 byte order mark; quoted fields may span
/// lines. Each record keeps its first line number.
enum CSVReader {
    static let delimiters: [Character] = [",", ";", "\t"]

    /// The delimiter the header line uses most, outside quotes (a comma when it uses none).
    static func delimiter(of text: Substring) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if character.isNewline { break }
            if delimiters.contains(character) { counts[character, default: 0] += 1 }
        }
        return delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? ","
    }

    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func records(_ text: String) throws(Failure) -> [Record] {
        var text = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        var delimiter = delimiter(of: text)
        var line = 1
        // Excel's own hint line, `sep=;`, names the delimiter and is not a record.
        if text.hasPrefix("sep="), let end = text.firstIndex(where: \.isNewline),
           text.distance(from: text.startIndex, to: end) == 5 {
            delimiter = text[text.index(text.startIndex, offsetBy: 4)]
            text = text[text.index(after: end)...]
            line = 2
        }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var recordLine = line
        var characters = text.makeIterator()
        var pending: Character? = nil

        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return characters.next()
        }

        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw Failure(line: line, message: "a quote in the middle of a field") }
                inQuotes = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append(Record(line: recordLine, fields: fields)) }
                fields = []
                field = ""
                fieldWasQuoted = false
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted { throw Failure(line: line, message: "text after a closing quote") }
                field.append(character)
            }
        }
        if inQuotes { throw Failure(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
