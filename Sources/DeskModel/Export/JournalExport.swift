import Foundation
import GRDB

/// The operator audit log and the alerts as files, oldest first.
public enum JournalExport {
    public static let auditColumns = [
        "id", "startedDate", "finishedDate", "user", "action", "target", "targetEmail", "detail", "result", "error", "outcome",
    ]
    public static let alertColumns = ["id", "date", "kind", "kindDescription", "customerId", "customerEmail", "transactionId", "message"]

    @discardableResult
    public static func writeAudit(_ store: DeskStore, since: Date?, to writer: TableWriter) throws -> Int {
        try store.pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit WHERE at >= ? ORDER BY id",
                                           arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude])
            while let row = try rows.next() {
                let entry = DeskStore.auditRecord(row)
                try writer.write([
                    .integer(entry.id), TableWriter.time(entry.at), TableWriter.time(entry.finishedAt), .text(entry.user),
                    .text(entry.action), .text(entry.target), .text(entry.targetEmail), .text(entry.detail), .text(entry.result.rawValue),
                    .text(entry.error), .text(entry.outcome),
                ])
            }
        }
        return writer.rowCount
    }

    @discardableResult
    public static func writeAlerts(_ store: DeskStore, since: Date?, to writer: TableWriter) throws -> Int {
        try store.pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT alert.*, customer.email AS email FROM alert LEFT JOIN customer ON customer.id = alert.customerId
                WHERE alert.at >= ? ORDER BY alert.id
                """, arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude])
            while let row = try rows.next() {
                let kind = AlertKind(rawValue: row["kind"])
                try writer.write([
                    .integer(row["id"]), TableWriter.time(Date(storeValue: row["at"])), .text(row["kind"]),
                    .text(kind?.words), .text(row["customerId"]), .text(row["email"]), .text(row["transactionId"]), .text(row["message"]),
                ])
            }
        }
        return writer.rowCount
    }
}

extension AlertKind {
    /// The kind in words, for people (the raw value stays the stable key).
    public var words: String {
        switch self {
        case .complianceDeclined: "deposit declined by compliance"
        case .fundsForBlockedCustomer: "funds received for a blocked customer"
        case .purseDeclined: "address declined"
        case .syncFailing: "sync failing"
        }
    }
}
