import CalypsoAPI
import DeskModel
import Foundation

/// Prints results as aligned tables for people or as JSON for machines.
enum Output {
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CalypsoDate.format(date))
        }
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in rows { print(line(row)) }
    }

    static func fields(_ pairs: [(String, String)]) {
        let width = pairs.map(\.0.count).max() ?? 0
        for (label, value) in pairs { print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
    }

    static func customer(_ customer: CustomerSummary, json asJSON: Bool) throws {
        if asJSON { return try json(CustomerJSON(customer)) }
        fields(customerFields(customer))
    }

    static func customerFields(_ customer: CustomerSummary) -> [(String, String)] {
        [("id", customer.id), ("email", customer.email ?? "—"), ("external id", customer.externalId ?? "—"),
         ("description", customer.description ?? "—"), ("blocked", customer.blockState.rawValue)]
    }

    static func date(_ date: Date?) -> String { date.map(CalypsoDate.format) ?? "—" }

    /// "1 transaction", "2 transactions".
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }

    /// "ann@example.com (3fa85f64-…)" or the id alone when no email is known; "—" without a customer.
    static func customerName(_ customer: CustomerSummary?) -> String {
        guard let customer else { return "—" }
        return customer.email.map { "\($0) (\(customer.id))" } ?? customer.id
    }

    static func transactionRow(_ tx: Transaction, customer: CustomerSummary?) -> [String] {
        [tx.id, date(tx.createdDate), customer.map { $0.email ?? $0.id } ?? "—", tx.currency.rawValue, tx.amount.description,
         tx.transactionState.label, tx.complianceState.rawValue, tx.translationToAccountCompleted ? "yes" : "no", tx.transactionHash ?? "—"]
    }

    static let transactionHeader = ["ID", "CREATED", "CUSTOMER", "CURRENCY", "AMOUNT", "STATE", "COMPLIANCE", "CREDITED", "HASH"]
}
