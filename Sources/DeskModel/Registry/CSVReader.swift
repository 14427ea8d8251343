import Foundation

/// CSV as RFC 4180 and spreadsheets write it: fields separated by commas, semicolons (Excel in many
/// locales) or tabs — whichever the header line uses — optionally quoted with `"` (doubled inside
/// quotes), records ending in LF, CRLF or CR, an optional UTF-8 byte order mark, an optional
/// `sep=;` line; quoted fields may span lines. Each record keeps its first line number.
///
/// Streamed: bytes come from `source` a chunk at a time and one record is returned at a time, so
/// a file of any size is read in the memory of one chunk and one record. Every syntax byte is
/// ASCII, which never occurs inside a multi-byte UTF-8 sequence, so the bytes are scanned as they
/// come and each field is decoded (and checked to be UTF-8) once it is complete.
struct CSVReader {
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    /// Where the bytes come from: the next chunk, or nil at the end.
    typealias Source = () throws -> [UInt8]?

    private let source: Source
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var started = false
    private(set) var delimiter = UInt8(ascii: ",")
    /// Bytes handed out by the source so far (for progress).
    private(set) var bytesRead = 0

    private var line = 1
    private var field: [UInt8] = []
    private var fieldWasQuoted = false
    private var inQuotes = false
    /// A quote inside quotes whose meaning depends on the next byte (`""` or the closing quote).
    private var quoteInQuotes = false
    /// A CR outside quotes that ended a record; an LF right after it belongs to it.
    private var afterCarriageReturn = false

    init(source: @escaping Source) {
        self.source = source
    }

    /// Reads a file in chunks of `chunkSize` bytes.
    init(file: FileHandle, chunkSize: Int = 1 << 20) {
        self.init { try file.read(upToCount: chunkSize).map { [UInt8]($0) } }
    }

    /// The whole of a text (for short texts and tests).
    static func records(_ text: String) throws(Failure) -> [Record] {
        var data: [UInt8]? = Array(text.utf8)
        var reader = CSVReader { defer { data = nil }; return data }
        var records: [Record] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(Failure) -> Record? {
        if !started { try start() }
        var fields: [String] = []
        var recordLine = line
        while true {
            if position == buffer.count {
                guard try fill() else { break }
            }
            let byte = buffer[position]
            position += 1
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if byte == UInt8(ascii: "\"") {
                        field.append(byte)
                        continue
                    }
                    inQuotes = false
                    // The closing quote: this byte is read again outside quotes.
                    position -= 1
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    quoteInQuotes = true
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty, !fieldWasQuoted else { throw Failure(line: line, message: "a quote in the middle of a field") }
                inQuotes = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(try decodeField())
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                afterCarriageReturn = byte == UInt8(ascii: "\r")
                let emptyLine = fields.isEmpty && field.isEmpty && !fieldWasQuoted
                fields.append(try decodeField())
                line += 1
                if !emptyLine { return Record(line: recordLine, fields: fields) }
                fields = []
                recordLine = line
            default:
                if fieldWasQuoted { throw Failure(line: line, message: "text after a closing quote") }
                field.append(byte)
            }
        }
        if inQuotes && !quoteInQuotes { throw Failure(line: recordLine, message: "a quoted field is never closed") }
        inQuotes = false
        quoteInQuotes = false
        guard !field.isEmpty || !fields.isEmpty || fieldWasQuoted else { return nil }
        fields.append(try decodeField())
        return Record(line: recordLine, fields: fields)
    }

    private mutating func decodeField() throws(Failure) -> String {
        defer {
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        guard let text = String(validating: field, as: UTF8.self) else {
            throw Failure(line: line, message: "not UTF-8 text (in a spreadsheet, save the file as \"CSV UTF-8\")")
        }
        return text
    }

    /// Reads more bytes; false at the end of the input.
    private mutating func fill() throws(Failure) -> Bool {
        guard !atEnd else { return false }
        let chunk: [UInt8]?
        do {
            chunk = try source()
        } catch {
            throw Failure(line: line, message: "cannot read on: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        bytesRead += chunk.count
        if position < buffer.count {
            buffer.removeFirst(position)
            buffer += chunk
        } else {
            buffer = chunk
        }
        position = 0
        return true
    }

    /// Skips a byte order mark, reads the delimiter from the header line (or a `sep=` line, which
    /// is then skipped).
    private mutating func start() throws(Failure) {
        started = true
        // Enough bytes to hold the whole header line (or the end of the input, or 4 MB).
        while headerEnd() == nil, buffer.count < 4 << 20, try fill() {}
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let header = buffer[position..<(headerEnd() ?? buffer.count)]
        if header.count == 5, header.starts(with: Array("sep=".utf8)) {
            delimiter = header[header.startIndex + 4]
            position = header.endIndex
            afterCarriageReturn = false
            if position < buffer.count, buffer[position] == UInt8(ascii: "\r") { position += 1; afterCarriageReturn = true }
            else if position < buffer.count { position += 1 }
            line = 2
            return
        }
        var counts = [0, 0, 0]
        var quoted = false
        for byte in header {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, let index = Self.delimiters.firstIndex(of: byte) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        delimiter = Self.delimiters[best]
    }

    /// Where the first line ends (a CR or LF outside quotes), if the buffer holds it.
    private func headerEnd() -> Int? {
        var quoted = false
        for index in position..<buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return index }
        }
        return nil
    }
}
