import CalypsoAPI
import Foundation
import GRDB

/// `pursedesk customer import FILE.csv`: customers the merchant already has, by id. Every row is
/// checked first; if any is bad, nothing is imported and every bad row is reported by line.
public enum CustomerImport {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
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
        case badRows([Problem])

        public var description: String {
            switch self {
            case .unreadable(let reason): reason
            case .badRows(let problems):
                "nothing imported; \(problems.count) bad row\(problems.count == 1 ? "" : "s"):\n"
                    + problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
                    + (problems.count > 50 ? "\n  … and \(problems.count - 50) more" : "")
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

    public static let columns = ["id", "email", "externalId", "description"]

    /// Parses and validates the whole file; returns the customers or every problem found.
    public static func parse(_ text: String) throws(Failure) -> [Customer] {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text)
        } catch {
            throw .badRows([Problem(line: error.line, message: error.message)])
        }
        guard let header = records.first else { throw .unreadable("the file is empty; expected a header: \(columns.joined(separator: ","))") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lowered = names.map { $0.lowercased() }
        guard let idColumn = lowered.firstIndex(of: "id") else {
            throw .badRows([Problem(line: header.line, message: "the header needs an id column (columns: \(columns.joined(separator: ",")))")])
        }
        var problems: [Problem] = []
        for (index, name) in lowered.enumerated() where !columns.map({ $0.lowercased() }).contains(name) {
            problems.append(Problem(line: header.line, message: "unknown column \"\(names[index])\""))
        }
        func column(_ name: String) -> Int? { lowered.firstIndex(of: name.lowercased()) }
        let emailColumn = column("email"), externalColumn = column("externalId"), descriptionColumn = column("description")

        var customers: [Customer] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                problems.append(Problem(line: record.line, message: "\(record.fields.count) fields, expected \(names.count)"))
                continue
            }
            func value(_ index: Int?) -> String? {
                guard let index else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let id = value(idColumn) ?? ""
            if UUID(uuidString: id) == nil {
                problems.append(Problem(line: record.line, message: id.isEmpty ? "id is empty" : "id \"\(id.prefix(40))\" is not a UUID"))
                continue
            }
            if let first = seen[id.lowercased()] {
                problems.append(Problem(line: record.line, message: "id \(id) already appears on line \(first)"))
                continue
            }
            seen[id.lowercased()] = record.line
            let email = value(emailColumn)
            if let email, !isPlausibleEmail(email) {
                problems.append(Problem(line: record.line, message: "email \"\(email.prefix(60))\" is not an address"))
                continue
            }
            let fields = [email, value(externalColumn), value(descriptionColumn)]
            if fields.contains(where: { $0?.unicodeScalars.contains { $0.properties.generalCategory == .control } ?? false }) {
                problems.append(Problem(line: record.line, message: "contains control characters"))
                continue
            }
            customers.append(Customer(id: id.lowercased(), email: email, description: value(descriptionColumn),
                                      externalId: value(externalColumn), blocked: false))
        }
        guard problems.isEmpty else { throw .badRows(problems.sorted { $0.line < $1.line }) }
        return customers
    }

    /// Validates the file, then imports every row in one transaction.
    public static func run(file: URL, into store: DeskStore, at now: Date = Date()) throws(Failure) -> Outcome {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable("cannot read \(file.path) as UTF-8 text (in a spreadsheet, save it as \"CSV UTF-8\")")
        }
        let customers = try parse(text)
        do {
            return try store.importCustomers(customers, at: now)
        } catch {
            throw .unreadable("the import was rolled back: \(error)")
        }
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}

extension DeskStore {
    /// Adds or updates customers from an import, all or nothing.
    public func importCustomers(_ customers: [Customer], at now: Date = Date()) throws -> CustomerImport.Outcome {
        try pool.write { db in
            var outcome = CustomerImport.Outcome(added: 0, updated: 0)
            for customer in customers {
                let existing = try Self.fetchCustomer(db, id: customer.id)
                _ = try Self.upsertCustomer(db, customer, blockState: nil, origin: .imported, at: now)
                let exists = existing != nil
                if exists { outcome.updated += 1 } else { outcome.added += 1 }
            }
            return outcome
        }
    }
}
