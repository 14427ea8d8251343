import DeskModel
import CalypsoAPI
import Foundation
import PostgresNIO

/// Operator actions audited in the team's log: the pending entry is shared before anything is
/// sent (and refused when the team store does not answer), the result and what changed after.
public struct TeamActionJournal: ActionJournal {
    let team: TeamStore

    public init(team: TeamStore) { self.team = team }

    public func begin(_ start: AuditStart) async throws -> Int64 {
        let account = team.account
        let origin = team.origin
        return try await team.database.transaction { connection in
            var entry: AuditRecord?
            let rows = try await connection.query("""
                INSERT INTO pursedesk_audit (account, operator, host, action, target, target_email, detail, result)
                VALUES (\(account), \(start.user), \(origin.host), \(start.action), \(start.target), \(start.targetEmail), \(start.detail),
                        'pending') RETURNING id, at
                """, logger: TeamConnector.quietLogger)
            for try await (id, at) in rows.decode((Int64, Date).self) {
                entry = AuditRecord(id: id, at: at, user: Self.label(start.user, origin.host), action: start.action, target: start.target,
                                    targetEmail: start.targetEmail, detail: start.detail, result: .pending)
            }
            guard let entry else { throw TeamStoreError.server("the audit entry was not created") }
            try await TeamStore.append([(.audit(entry), try TeamStore.encode(.audit(entry)))], account: account,
                                       origin: origin.description, on: connection)
            return entry.id
        }
    }

    /// Finishes the entry; when the store is unreachable now, retries a few times (the action
    /// itself is done and stays done).
    public func finish(id: Int64, _ finish: AuditFinish, changes: [DeskEvent]) async {
        for attempt in 0..<5 {
            do {
                try await finishOnce(id: id, finish, changes: changes)
                return
            } catch {
                try? await Task.sleep(for: .milliseconds(200 << attempt))
            }
        }
    }

    private func finishOnce(id: Int64, _ finish: AuditFinish, changes: [DeskEvent]) async throws {
        let account = team.account
        let origin = team.origin.description
        let storeChanges = StoreChange.changes(of: changes)
        let payloads = try storeChanges.map { change throws(TeamStoreError) in (change, try TeamStore.encode(change)) }
        try await team.database.transaction { connection in
            var entry: AuditRecord?
            let rows = try await connection.query("""
                UPDATE pursedesk_audit SET result = \(finish.result.rawValue), error = \(finish.error), outcome = \(finish.outcome),
                       target = coalesce(\(finish.finalTarget), target), finished_at = now()
                WHERE id = \(id) RETURNING at, operator, host, action, target, target_email, detail, finished_at
                """, logger: TeamConnector.quietLogger)
            for try await (at, user, host, action, target, targetEmail, detail, finishedAt)
                    in rows.decode((Date, String, String, String, String, String?, String?, Date).self) {
                entry = AuditRecord(id: id, at: at, user: Self.label(user, host), action: action, target: target, targetEmail: targetEmail,
                                    detail: detail, result: finish.result, error: finish.error, outcome: finish.outcome, finishedAt: finishedAt)
            }
            var all = payloads
            if let entry { all.append((.audit(entry), try TeamStore.encode(.audit(entry)))) }
            try await TeamStore.append(all, account: account, origin: origin, on: connection)
        }
    }

    /// The operator as the local replica's audit view shows them: name and desk host.
    static func label(_ user: String, _ host: String) -> String { "\(user) (\(host))" }
}

/// Verified webhook deliveries stored in the team store; every desk (this one too) applies them
/// from the change log.
public struct TeamWebhookSink: WebhookSink {
    let team: TeamStore
    public init(team: TeamStore) { self.team = team }

    public func record(_ event: WebhookEnvelope, rawBody: String) async throws -> DeskStore.WebhookRecordOutcome {
        try await team.recordWebhook(event, rawBody: rawBody) ? .stored([]) : .duplicate
    }
}
