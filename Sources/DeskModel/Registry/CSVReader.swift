/// RFC 4180 CSV: fields separated by commas, optionally quoted with `"` (doubled inside quotes),
/// records ending in LF or CRLF; quoted fields may span lines. Each record keeps its first line number.
enum CSVReader {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
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
            case ",":
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
