import CalypsoAPI
import Foundation

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

    public init(client: CalypsoClient, store: DeskStore, events: EventHub<DeskEvent>, user: String = OperatorActions.osUser,
                readOnly: Bool = false, journal: (any ActionJournal)? = nil) {
        self.client = client
        self.store = store
        self.events = events
        self.user = user
        self.readOnly = readOnly
        self.journal = journal ?? LocalActionJournal(store: store)
    }

    /// `PURSEDESK_OPERATOR`, else the login name (from the password database, so root is "root").
    public static var osUser: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["PURSEDESK_OPERATOR"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, !String(cString: name).isEmpty { return String(cString: name) }
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    public func createCustomer(_ request: CustomerCreateRequest) async throws(Failure) -> CustomerSummary {
        let detail = [request.email.map { "email=\($0)" }, request.externalId.map { "externalId=\($0)" }].compactMap { $0 }.joined(separator: " ")
        return try await audited("customer.create", target: request.email ?? request.externalId ?? "new customer", detail: detail) {
            () async throws(CalypsoError) in try await self.client.createCustomer(request)
        } save: { customer throws(Failure) in try self.record(customer, origin: .created) }
    }

    /// Sends every current value along with the change, since whether the API clears omitted
    /// fields is unknown.
    public func updateCustomer(id: String, email: String?, description: String?, externalId: String?) async throws(Failure) -> CustomerSummary {
        let known = try? store.customer(id: id)
        let request = CustomerUpdateRequest(id: id, email: email ?? known?.email, description: description ?? known?.description,
                                            externalId: externalId ?? known?.externalId)
        return try await audited("customer.update", target: id, detail: nil) { () async throws(CalypsoError) in
            try await self.client.updateCustomer(request)
        } save: { customer throws(Failure) in try self.record(customer, origin: .created) }
    }

    /// `reason` (a ticket number, say) is kept in the audit log with the action.
    public func block(customerId: String, confirmation: Confirmation, reason: String? = nil) async throws(Failure) -> CustomerSummary {
        try await audited("customer.block", target: customerId, detail: Self.detail(confirmation, reason)) {
            () async throws(CalypsoError) in try await self.client.blockCustomer(id: customerId)
        } save: { customer throws(Failure) in try self.record(customer, origin: .discovered) }
    }

    public func unblock(customerId: String, confirmation: Confirmation, reason: String? = nil) async throws(Failure) -> CustomerSummary {
        try await audited("customer.unblock", target: customerId, detail: Self.detail(confirmation, reason)) {
            () async throws(CalypsoError) in try await self.client.unblockCustomer(id: customerId)
        } save: { customer throws(Failure) in try self.record(customer, origin: .discovered) }
    }

    /// A case note on a customer: audited like an action, sent nowhere else.
    public func addNote(customerId: String, text: String) async throws(Failure) {
        try await audited("customer.note", target: customerId, detail: text) { () async throws(CalypsoError) in
        } save: { (_: Void) throws(Failure) in ((), []) }
    }

    private static func detail(_ confirmation: Confirmation, _ reason: String?) -> String {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return "confirmed by \(confirmation.by)" + (reason.map { $0.isEmpty ? "" : "; reason: \($0)" } ?? "")
    }

    /// Asks for the customer's address in a currency (a new purse when the last expired or was declined).
    public func requestAddress(customerId: String, currency: Currency) async throws(Failure) -> Purse {
        try await audited("purse.address", target: customerId, detail: "currency=\(currency.rawValue)") {
            () async throws(CalypsoError) in try await self.client.depositAddress(customerId: customerId, currency: currency)
        } save: { purse throws(Failure) in
            do {
                let changes = try self.store.recordPurses([purse], customerId: customerId)
                self.events.publish(changes)
                return (purse, changes)
            } catch {
                throw .store(String(describing: error))
            }
        }
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
    /// then finishes the entry with what changed.
    private func audited<Answer: Sendable, Result>(
        _ action: String, target: String, detail: String?, _ operation: () async throws(CalypsoError) -> Answer,
        save: (Answer) throws(Failure) -> (Result, [DeskEvent])
    ) async throws(Failure) -> Result {
        if readOnly { throw .readOnly }
        let auditId: Int64
        do {
            auditId = try await journal.begin(action: action, target: target, detail: detail, user: user)
        } catch {
            throw .notAudited(String(describing: error))
        }
        let answer: Answer
        do {
            answer = try await operation()
        } catch {
            await journal.finish(id: auditId, result: .failed, error: error.description, changes: [])
            throw .api(error)
        }
        do {
            let (result, changes) = try save(answer)
            await journal.finish(id: auditId, result: .succeeded, error: nil, changes: changes)
            return result
        } catch {
            await journal.finish(id: auditId, result: .succeeded, error: nil, changes: [])
            throw error
        }
    }
}
