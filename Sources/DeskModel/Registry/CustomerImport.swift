import CalypsoAPI
import Foundation
import GRDB

/// `pursedesk customer import FILE.csv`: customers the merchant already has, by id. The file is
/// streamed (a chunk and a row in memory at a time) and written in one transaction as it is read;
/// every row is checked, and if any is bad the transaction is rolled back, nothing is imported and
/// the bad rows are reported by line.
public enum CustomerImport {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "line \(line): \(message)" }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        /// The first bad rows by line, and how many more there were.
        case badRows([Problem], more: Int = 0)

        public var description: String {
            switch self {
            case .unreadable(let reason): reason
            case .badRows(let problems, let more):
                "nothing imported; \(problems.count + more) bad row\(problems.count + more == 1 ? "" : "s"):\n"
                    + problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
                    + (problems.count + more > 50 ? "\n  … and \(problems.count + more - 50) more" : "")
            }
        }
    }

    public struct Outcome: Sendable, Equatable {
        public var added: Int
        public var updated: Int
        public init(added: Int, updated: Int) {
            self.added = added
            self.updated = updated
        }
    }

    /// How far an import has read: bytes of the file and rows checked.
    public struct Progress: Sendable, Equatable {
        public var bytesRead: Int
        public var totalBytes: Int
        public var rows: Int
        public init(bytesRead: Int, totalBytes: Int, rows: Int) {
            self.bytesRead = bytesRead
            self.totalBytes = totalBytes
            self.rows = rows
        }
    }

    public static let columns = ["id", "email", "externalId", "description"]
    /// Problems kept to report; the rest are counted.
    static let problemsKept = 1000
    static let progressEvery = 10_000

    /// Parses and validates a whole text; returns the customers or the problems found.
    public static func parse(_ text: String) throws(Failure) -> [Customer] {
        var data: [UInt8]? = Array(text.utf8)
        var reader = CSVReader { defer { data = nil }; return data }
        var seen: [String: Int] = [:]
        var customers: [Customer] = []
        try read(&reader, firstLine: { id, line in
            defer { seen[id] = seen[id] ?? line }
            return seen[id]
        }, progress: { _, _ in }, accept: { customers.append($0) })
        return customers
    }

    /// Streams the file into the store in one transaction, reading `chunkSize` bytes at a time; a
    /// bad row anywhere rolls it all back.
    public static func run(file: URL, into store: DeskStore, at now: Date = Date(), chunkSize: Int = 1 << 20,
                           progress: (Progress) -> Void = { _ in }) throws(Failure) -> Outcome {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: file)
        } catch {
            throw .unreadable("cannot open \(file.path): \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        var reader = CSVReader(file: handle, chunkSize: max(chunkSize, 1))
        do {
            return try store.importing(at: now) { writer in
                try read(&reader, firstLine: { id, line in try writer.firstLine(of: id, rememberingLine: line) }, progress: { rows, bytes in
                    progress(Progress(bytesRead: bytes, totalBytes: totalBytes, rows: rows))
                }, accept: { customer in try writer.write(customer) })
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable("the import was rolled back: \(error)")
        }
    }

    /// Reads every record, checks it, and hands each good row to `accept` until the first
    /// problem; after one, rows are only checked. Throws the problems at the end.
    /// `firstLine` answers the line an id was first seen on (and remembers this one); `progress`
    /// hears rows and bytes read every few thousand rows and at the end.
    private static func read(
        _ reader: inout CSVReader, firstLine: (String, Int) throws -> Int?, progress: (_ rows: Int, _ bytes: Int) -> Void,
        accept: (Customer) throws -> Void
    ) throws(Failure) {
        var problems = ProblemList()
        var rows = 0
        do {
            guard let header = try reader.next() else {
                throw Failure.unreadable("the file is empty; expected a header: \(columns.joined(separator: ","))")
            }
            let checker = try RowChecker(header: header, problems: &problems)
            while let record = try reader.next() {
                rows += 1
                if rows % progressEvery == 0 { progress(rows, reader.bytesRead) }
                switch checker.check(record) {
                case .failure(let problem):
                    problems.add(problem)
                case .success(let customer):
                    if let first = try firstLine(customer.id, record.line) {
                        problems.add(Problem(line: record.line, message: "id \(customer.id) already appears on line \(first)"))
                    } else if problems.isEmpty {
                        try accept(customer)
                    }
                }
            }
        } catch let failure as CSVReader.Failure {
            problems.add(Problem(line: failure.line, message: failure.message))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable("the import was rolled back: \(error)")
        }
        progress(rows, reader.bytesRead)
        if let failure = problems.failure { throw failure }
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}

/// The first problems by line and a count of the rest.
private struct ProblemList {
    private var kept: [CustomerImport.Problem] = []
    private var more = 0

    var isEmpty: Bool { kept.isEmpty }

    mutating func add(_ problem: CustomerImport.Problem) {
        if kept.count < CustomerImport.problemsKept { kept.append(problem) } else { more += 1 }
    }

    var failure: CustomerImport.Failure? {
        kept.isEmpty ? nil : .badRows(kept.sorted { $0.line < $1.line }, more: more)
    }
}

/// Checks one record against the header's columns and makes it a customer.
private struct RowChecker {
    let width: Int
    let idColumn: Int
    let emailColumn: Int?, externalColumn: Int?, descriptionColumn: Int?

    init(header: CSVReader.Record, problems: inout ProblemList) throws(CustomerImport.Failure) {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lowered = names.map { $0.lowercased() }
        let columns = CustomerImport.columns
        guard let idColumn = lowered.firstIndex(of: "id") else {
            throw .badRows([.init(line: header.line, message: "the header needs an id column (columns: \(columns.joined(separator: ",")))")])
        }
        for (index, name) in lowered.enumerated() where !columns.map({ $0.lowercased() }).contains(name) {
            problems.add(.init(line: header.line, message: "unknown column \"\(names[index])\""))
        }
        width = names.count
        self.idColumn = idColumn
        emailColumn = lowered.firstIndex(of: "email")
        externalColumn = lowered.firstIndex(of: "externalid")
        descriptionColumn = lowered.firstIndex(of: "description")
    }

    func check(_ record: CSVReader.Record) -> Result<Customer, CustomerImport.Problem> {
        func problem(_ message: String) -> Result<Customer, CustomerImport.Problem> { .failure(.init(line: record.line, message: message)) }
        guard record.fields.count == width else { return problem("\(record.fields.count) fields, expected \(width)") }
        func value(_ index: Int?) -> String? {
            guard let index else { return nil }
            let text = Self.trimmed(record.fields[index])
            return text.isEmpty ? nil : text
        }
        let id = value(idColumn) ?? ""
        guard UUID(uuidString: id) != nil else { return problem(id.isEmpty ? "id is empty" : "id \"\(id.prefix(40))\" is not a UUID") }
        let email = value(emailColumn)
        if let email, !CustomerImport.isPlausibleEmail(email) { return problem("email \"\(email.prefix(60))\" is not an address") }
        let externalId = value(externalColumn), description = value(descriptionColumn)
        if [email, externalId, description].contains(where: { $0.map(Self.hasControlCharacters) ?? false }) {
            return problem("contains control characters")
        }
        return .success(Customer(id: id.lowercased(), email: email, description: description, externalId: externalId, blocked: false))
    }

    /// Spaces and tabs trimmed; most fields have none, and are returned as they are.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        guard isSpace(first) || isSpace(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.isWhitespace
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.isASCII ? $0.value < 0x20 || $0.value == 0x7F : $0.properties.generalCategory == .control }
    }
}

extension DeskStore {
    /// Adds or updates customers from an import, all or nothing.
    public func importCustomers(_ customers: [Customer], at now: Date = Date()) throws -> CustomerImport.Outcome {
        try importing(at: now) { writer in
            for customer in customers { try writer.write(customer) }
        }
    }

    /// One transaction for a whole import: `body` writes rows through the writer; a throw rolls
    /// everything back.
    func importing(at now: Date, _ body: (CustomerImportWriter) throws -> Void) throws -> CustomerImport.Outcome {
        try pool.write { db in
            let writer = try CustomerImportWriter(db, at: now)
            defer { writer.restoreCaches() }
            try body(writer)
            try writer.finish()
            return writer.outcome
        }
    }
}

/// The statements of an import, prepared once. New rows are inserted; existing rows get the fields
/// the file gives (a blank keeps what is stored; the blocked flag is never touched) and a new
/// `updatedAt` only when something changed. Ids seen are remembered in a temporary table, so a
/// duplicate is found without holding every id in memory.
final class CustomerImportWriter {
    private let db: Database
    private let now: Double
    private let select, insert, update, remember, recall: Statement
    private let mainCache: Int, tempCache: Int
    private(set) var outcome = CustomerImport.Outcome(added: 0, updated: 0)

    init(_ db: Database, at now: Date) throws {
        self.db = db
        self.now = now.storeValue
        // Pages for a million random ids stay in memory instead of being written and read again.
        mainCache = try Int.fetchOne(db, sql: "PRAGMA main.cache_size") ?? -2000
        tempCache = try Int.fetchOne(db, sql: "PRAGMA temp.cache_size") ?? -2000
        try db.execute(sql: "PRAGMA main.cache_size = -65536; PRAGMA temp.cache_size = -16384")
        try db.execute(sql: "CREATE TEMP TABLE import_seen (id TEXT PRIMARY KEY NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID")
        select = try db.makeStatement(sql: "SELECT email, externalId, description FROM customer WHERE id = ?")
        insert = try db.makeStatement(sql: """
            INSERT INTO customer (id, email, externalId, description, blocked, origin, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, NULL, 'imported', ?, ?)
            """)
        update = try db.makeStatement(sql: "UPDATE customer SET email = ?, externalId = ?, description = ? , updatedAt = ? WHERE id = ?")
        remember = try db.makeStatement(sql: "INSERT INTO import_seen (id, line) VALUES (?, ?) ON CONFLICT(id) DO NOTHING")
        recall = try db.makeStatement(sql: "SELECT line FROM import_seen WHERE id = ?")
    }

    /// The line `id` was first seen on in this import, or nil (and `line` is remembered).
    func firstLine(of id: String, rememberingLine line: Int) throws -> Int? {
        try remember.execute(arguments: [id, line])
        guard db.changesCount == 0 else { return nil }
        return try Int.fetchOne(recall, arguments: [id])
    }

    func write(_ customer: Customer) throws {
        guard let row = try Row.fetchOne(select, arguments: [customer.id]) else {
            try insert.execute(arguments: [customer.id, customer.email, customer.externalId, customer.description, now, now])
            outcome.added += 1
            return
        }
        outcome.updated += 1
        let stored: [String?] = [row[0], row[1], row[2]]
        let merged = [customer.email ?? stored[0], customer.externalId ?? stored[1], customer.description ?? stored[2]]
        guard merged != stored else { return }
        try update.execute(arguments: [merged[0], merged[1], merged[2], now, customer.id])
    }

    func finish() throws {
        try db.execute(sql: "DROP TABLE temp.import_seen")
    }

    func restoreCaches() {
        try? db.execute(sql: "PRAGMA main.cache_size = \(mainCache); PRAGMA temp.cache_size = \(tempCache)")
    }
}
