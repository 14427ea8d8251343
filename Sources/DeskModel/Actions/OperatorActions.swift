import CalypsoAPI
import Foundation
import Logging

/// Proof that a person confirmed a destructive action. Only the caller that asked can make one.
public struct Confirmation: Sendable {
    public let by: String
    private init(by: String) { self.by = by }
    /// Call only after the operator answered the confirmation prompt.
    public static func confirmed(by user: String) -> Confirmation { Confirmation(by: user) }
}

/// The writes an operator makes: each runs against the API, updates the store only on
/// success, and is audited (pending before the call, then succeeded or failed).
public final class OperatorActions: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case readOnly
        case api(CalypsoError)
        case store(String)
        /// The audit log could not be written, so nothing was sent.
        case notAudited(String)

        public var description: String {
            switch self {
            case .readOnly: "read-only mode: actions that change anything are disabled"
            case .api(let error): error.description
            case .store(let reason): "saved remotely but not locally: \(reason)"
            case .notAudited(let reason): "nothing was sent: the action could not be audited (\(reason))"
            }
        }
    }

    private let client: CalypsoClient
    private let store: DeskStore
    private let events: EventHub<DeskEvent>
    private let user: String
    private let readOnly: Bool
    private let journal: any ActionJournal
    private let logger: Logger

    public init(client: CalypsoClient, store: DeskStore, events: EventHub<DeskEvent>, user: String = OperatorActions.osUser,
                readOnly: Bool = false, journal: (any ActionJournal)? = nil, logger: Logger = Diagnostics.silent.logger("actions")) {
        self.client = client
        self.store = store
        self.events = events
        self.user = user
        self.readOnly = readOnly
        self.journal = journal ?? LocalActionJournal(store: store)
        self.logger = logger
    }

    /// `PURSEDESK_OPERATOR`, else the login name: `$USER` or `$LOGNAME`, else the password
    /// database's entry for this uid (a service or container often has no `$USER`); the number only
    /// when neither knows.
    public static var osUser: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["PURSEDESK_OPERATOR"], !name.isEmpty { return name }
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let login = String(validatingCString: name), !login.isEmpty {
            return login
        }
        return "uid \(getuid())"
    }

    public func createCustomer(_ request: CustomerCreateRequest) async throws(Failure) -> CustomerSummary {
        let detail = Self.fieldList([("email", request.email), ("externalId", request.externalId), ("description", request.description)])
        return try await audited("customer.create", target: request.email ?? request.externalId ?? "new customer",
                                 targetEmail: request.email, detail: detail, outcome: { "id=\($0.id)" }, finalTarget: { $0.id }) {
            () async throws(CalypsoError) in try await self.client.createCustomer(request)
        } save: { customer throws(Failure) in try self.record(customer, origin: .created) }
    }

    /// Sends every current value along with the change, since whether the API clears omitted
    /// fields is unknown. The audit row lists the fields that change, old and new.
    public func updateCustomer(id: String, email: String?, description: String?, externalId: String?) async throws(Failure) -> CustomerSummary {
        let known = try? store.customer(id: id)
        let request = CustomerUpdateRequest(id: id, email: email ?? known?.email, description: description ?? known?.description,
                                            externalId: externalId ?? known?.externalId)
        let changes = [("email", known?.email, email), ("externalId", known?.externalId, externalId),
                       ("description", known?.description, description)]
            .compactMap { name, old, new -> String? in
                guard let new, new != old else { return nil }
                return "\(name): \(old.map { "\"\($0)\"" } ?? "—") → \"\(new)\""
            }
        return try await audited("customer.update", target: id, targetEmail: known?.email ?? email,
                                 detail: changes.isEmpty ? "no field changed" : changes.joined(separator: "; ")) {
            () async throws(CalypsoError) in try await self.client.updateCustomer(request)
        } save: { customer throws(Failure) in try self.record(customer, origin: .created) }
    }

    /// `reason` (a ticket number, say) is kept in the audit log with the action.
    public func block(customerId: String, confirmation: Confirmation, reason: String? = nil) async throws(Failure) -> CustomerSummary {
        try await audited("customer.block", target: customerId, targetEmail: email(of: customerId), detail: Self.detail(confirmation, reason)) {
            () async throws(CalypsoError) in try await self.client.blockCustomer(id: customerId)
        } save: { customer throws(Failure) in try self.record(customer, origin: .discovered) }
    }

    public func unblock(customerId: String, confirmation: Confirmation, reason: String? = nil) async throws(Failure) -> CustomerSummary {
        try await audited("customer.unblock", target: customerId, targetEmail: email(of: customerId), detail: Self.detail(confirmation, reason)) {
            () async throws(CalypsoError) in try await self.client.unblockCustomer(id: customerId)
        } save: { customer throws(Failure) in try self.record(customer, origin: .discovered) }
    }

    /// A case note on a customer: audited like an action, sent nowhere else.
    public func addNote(customerId: String, text: String) async throws(Failure) {
        try await audited("customer.note", target: customerId, targetEmail: email(of: customerId), detail: text) {
            () async throws(CalypsoError) in
        } save: { (_: Void) throws(Failure) in ((), []) }
    }

    private static func detail(_ confirmation: Confirmation, _ reason: String?) -> String {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return "confirmed by \(confirmation.by)" + (reason.map { $0.isEmpty ? "" : "; reason: \($0)" } ?? "")
    }

    /// Asks for the customer's address in a currency (a new purse when the last expired or was declined).
    public func requestAddress(customerId: String, currency: Currency) async throws(Failure) -> Purse {
        try await issueAddress(customerId: customerId, currency: currency).purse
    }

    /// Asks for the customer's address and says whether it is a new one or the active one they had.
    public func issueAddress(customerId: String, currency: Currency) async throws(Failure) -> IssuedAddress {
        let stored = (try? store.purses(customerId: customerId)) ?? []
        let askedAt = Date()
        return try await audited("purse.address", target: customerId, targetEmail: email(of: customerId),
                                 detail: "currency=\(currency.rawValue)",
                                 outcome: { (issued: IssuedAddress) in
                                     "\(issued.freshness.rawValue) address \(issued.purse.address ?? "(none given)")"
                                 }) {
            () async throws(CalypsoError) in try await self.client.depositAddress(customerId: customerId, currency: currency)
        } save: { purse throws(Failure) in
            do {
                let changes = try self.store.recordPurses([purse], customerId: customerId)
                self.events.publish(changes)
                return (IssuedAddress(purse: purse, stored: stored, askedAt: askedAt), changes)
            } catch {
                throw .store(String(describing: error))
            }
        }
    }

    private func email(of customerId: String) -> String? {
        (try? store.customer(id: customerId))?.flatMap(\.email)
    }

    private static func fieldList(_ fields: [(String, String?)]) -> String? {
        let present = fields.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }

    private func record(_ customer: Customer, origin: CustomerOrigin) throws(Failure) -> (CustomerSummary, [DeskEvent]) {
        do {
            let changes = try store.upsertCustomer(customer, origin: origin)
            events.publish(changes)
            guard let summary = try store.customer(id: customer.id) else { throw Failure.store("customer \(customer.id) missing after save") }
            return (summary, changes)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .store(String(describing: error))
        }
    }

    /// Audits `operation` in the journal (pending first), saves its answer locally with `save`,
    /// then finishes the entry with what the answer said (`outcome`, the created id as `finalTarget`)
    /// and what changed.
    private func audited<Answer: Sendable, Result>(
        _ action: String, target: String, targetEmail: String?, detail: String?,
        outcome: (Result) -> String? = { _ in nil }, finalTarget: (Result) -> String? = { _ in nil },
        _ operation: () async throws(CalypsoError) -> Answer,
        save: (Answer) throws(Failure) -> (Result, [DeskEvent])
    ) async throws(Failure) -> Result {
        if readOnly { throw .readOnly }
        let entry = AuditStart(action: action, target: target, targetEmail: targetEmail, detail: detail, user: user)
        let auditId: Int64
        do {
            auditId = try await journal.begin(entry)
        } catch {
            throw .notAudited(String(describing: error))
        }
        let answer: Answer
        do {
            answer = try await operation()
        } catch {
            await journal.finish(id: auditId, AuditFinish(result: .failed, error: error.description), changes: [])
            logger.warning("\(action) failed", metadata: ["target": "\(target)", "user": "\(user)", "audit": "\(auditId)",
                                                        "reason": "\(error.description)"])
            throw .api(error)
        }
        logger.notice("\(action) succeeded", metadata: ["target": "\(target)", "user": "\(user)", "audit": "\(auditId)"])
        do {
            let (result, changes) = try save(answer)
            await journal.finish(id: auditId, AuditFinish(result: .succeeded, outcome: outcome(result), finalTarget: finalTarget(result)),
                                 changes: changes)
            return result
        } catch {
            await journal.finish(id: auditId, AuditFinish(result: .succeeded), changes: [])
            throw error
        }
    }
}
