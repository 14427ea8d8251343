import CalypsoAPI
import DeskModel
import Foundation

/// Prints results as aligned tables for people or as JSON for machines.
enum Output {
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
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

    static func transactionRow(_ tx: Transaction) -> [String] {
        [tx.id, date(tx.createdDate), tx.currency.rawValue, tx.amount.description, tx.transactionState.rawValue,
         tx.complianceState.rawValue, tx.translationToAccountCompleted ? "yes" : "no", tx.transactionHash ?? "—"]
    }

    static let transactionHeader = ["ID", "CREATED", "CURRENCY", "AMOUNT", "STATE", "COMPLIANCE", "CREDITED", "HASH"]
}
