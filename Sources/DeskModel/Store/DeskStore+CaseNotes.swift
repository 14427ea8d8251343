import Foundation
import GRDB

extension DeskStore {
    /// What operators did to and wrote about one customer (blocks with their reasons, notes), newest first.
    public func caseHistory(customerId: String, limit: Int = 200) throws -> [AuditRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE target = ? AND action LIKE 'customer.%' ORDER BY id DESC LIMIT ?",
                             arguments: [customerId, limit]).map {
                AuditRecord(id: $0["id"], at: Date(storeValue: $0["at"]) ?? Date(timeIntervalSince1970: 0), user: $0["user"],
                            action: $0["action"], target: $0["target"], detail: $0["detail"],
                            result: AuditResult(rawValue: $0["result"]) ?? .pending, error: $0["error"],
                            finishedAt: Date(storeValue: $0["finishedAt"]))
            }
        }
    }
}
