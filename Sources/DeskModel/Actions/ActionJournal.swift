import Foundation

/// What an audit entry says before the action is sent.
public struct AuditStart: Sendable, Hashable {
    public var action: String
    public var target: String
    /// The target customer's email, when one is known.
    public var targetEmail: String?
    public var detail: String?
    public var user: String
}

/// How an audited action ended.
public struct AuditFinish: Sendable, Hashable {
    public var result: AuditResult
    public var error: String?
    /// What the API answered that matters later: the address issued, the id created.
    public var outcome: String?
    /// Replaces a provisional target (a created customer's new id).
    public var finalTarget: String?

    public init(result: AuditResult, error: String? = nil, outcome: String? = nil, finalTarget: String? = nil) {
        self.result = result
        self.error = error
        self.outcome = outcome
        self.finalTarget = finalTarget
    }
}

/// Where operator actions are audited: the local store alone, or a team's shared log.
/// `begin` runs before anything is sent; when it throws, nothing is sent.
public protocol ActionJournal: Sendable {
    func begin(_ entry: AuditStart) async throws -> Int64
    /// Finishes the entry and shares what the action changed (nothing more for the local journal).
    func finish(id: Int64, _ finish: AuditFinish, changes: [DeskEvent]) async
}

/// The audit table of the desk's own store.
public struct LocalActionJournal: ActionJournal {
    let store: DeskStore
    public init(store: DeskStore) { self.store = store }

    public func begin(_ entry: AuditStart) async throws -> Int64 {
        try store.beginAudit(action: entry.action, target: entry.target, targetEmail: entry.targetEmail, detail: entry.detail, user: entry.user)
    }

    public func finish(id: Int64, _ finish: AuditFinish, changes: [DeskEvent]) async {
        try? store.finishAudit(id: id, result: finish.result, error: finish.error, outcome: finish.outcome, target: finish.finalTarget)
    }
}
