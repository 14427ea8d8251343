import Foundation

/// Where operator actions are audited: the local store alone, or a team's shared log.
/// `begin` runs before anything is sent; when it throws, nothing is sent.
public protocol ActionJournal: Sendable {
    func begin(action: String, target: String, detail: String?, user: String) async throws -> Int64
    /// Finishes the entry and shares what the action changed (nothing more for the local journal).
    func finish(id: Int64, result: AuditResult, error: String?, changes: [DeskEvent]) async
}

/// The audit table of the desk's own store.
public struct LocalActionJournal: ActionJournal {
    let store: DeskStore
    public init(store: DeskStore) { self.store = store }

    public func begin(action: String, target: String, detail: String?, user: String) async throws -> Int64 {
        try store.beginAudit(action: action, target: target, detail: detail, user: user)
    }

    public func finish(id: Int64, result: AuditResult, error: String?, changes: [DeskEvent]) async {
        try? store.finishAudit(id: id, result: result, error: error)
    }
}
