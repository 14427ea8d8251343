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

        public var description: String {
            switch self {
            case .readOnly: "read-only mode: actions that change anything are disabled"
            case .api(let error): error.description
            case .store(let reason): "saved remotely but not locally: \(reason)"
            }
        }
    }

    private let client: CalypsoClient
    private let store: DeskStore
    private let events: EventHub<DeskEvent>
    private let user: String
    private let readOnly: Bool
    private let logger: Logger

    public init(client: CalypsoClient, store: DeskStore, events: EventHub<DeskEvent>, user: String = OperatorActions.osUser,
                readOnly: Bool = false, logger: Logger = Diagnostics.silent.logger("actions")) {
        self.client = client
        self.logger = logger
        self.store = store
        self.events = events
        self.user = user
        self.readOnly = readOnly
    }

    /// The operator's login name: `$USER` or `$LOGNAME`, else the password database's entry for
    /// this uid (a service or container often has no `$USER`); the number only when neither knows.
    public static var osUser: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let login = String(validatingCString: name), !login.isEmpty {
            return login
        }
        return "uid \(getuid())"
    }

    public func createCustomer(_ request: CustomerCreateRequest) async throws(Failure) -> CustomerSummary {
        let detail = Self.fieldList([("email", request.email), ("externalId", request.externalId), ("description", request.description)])
        let customer = try await audited("customer.create", target: request.email ?? request.externalId ?? "new customer",
                                         targetEmail: request.email, detail: detail, outcome: { "id=\($0.id)" }, finalTarget: { $0.id }) {
            () async throws(CalypsoError) in try await self.client.createCustomer(request)
        }
        return try record(customer, origin: .created)
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
        let customer = try await audited("customer.update", target: id, targetEmail: known?.email ?? email,
                                         detail: changes.isEmpty ? "no field changed" : changes.joined(separator: "; ")) {
            () async throws(CalypsoError) in try await self.client.updateCustomer(request)
        }
        return try record(customer, origin: .created)
    }

    public func block(customerId: String, confirmation: Confirmation) async throws(Failure) -> CustomerSummary {
        let customer = try await audited("customer.block", target: customerId, targetEmail: email(of: customerId),
                                         detail: "confirmed by \(confirmation.by)") {
            () async throws(CalypsoError) in try await self.client.blockCustomer(id: customerId)
        }
        return try record(customer, origin: .discovered)
    }

    public func unblock(customerId: String, confirmation: Confirmation) async throws(Failure) -> CustomerSummary {
        let customer = try await audited("customer.unblock", target: customerId, targetEmail: email(of: customerId),
                                         detail: "confirmed by \(confirmation.by)") {
            () async throws(CalypsoError) in try await self.client.unblockCustomer(id: customerId)
        }
        return try record(customer, origin: .discovered)
    }

    /// Asks for the customer's address in a currency (a new purse when the last expired or was declined).
    public func requestAddress(customerId: String, currency: Currency) async throws(Failure) -> Purse {
        try await issueAddress(customerId: customerId, currency: currency).purse
    }

    /// Asks for the customer's address and says whether it is a new one or the active one they had.
    public func issueAddress(customerId: String, currency: Currency) async throws(Failure) -> IssuedAddress {
        let stored = (try? store.purses(customerId: customerId)) ?? []
        let askedAt = Date()
        let result = try await audited("purse.address", target: customerId, targetEmail: email(of: customerId),
                                       detail: "currency=\(currency.rawValue)",
                                       outcome: { (purse: Purse) in
                                           let issued = IssuedAddress(purse: purse, stored: stored, askedAt: askedAt)
                                           return "\(issued.freshness.rawValue) address \(purse.address ?? "(none given)")"
                                       }) {
            () async throws(CalypsoError) in try await self.client.depositAddress(customerId: customerId, currency: currency)
        }
        do {
            events.publish(try store.recordPurses([result], customerId: customerId))
        } catch {
            throw .store(String(describing: error))
        }
        return IssuedAddress(purse: result, stored: stored, askedAt: askedAt)
    }

    private func email(of customerId: String) -> String? {
        (try? store.customer(id: customerId))?.flatMap(\.email)
    }

    private static func fieldList(_ fields: [(String, String?)]) -> String? {
        let present = fields.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }

    private func record(_ customer: Customer, origin: CustomerOrigin) throws(Failure) -> CustomerSummary {
        do {
            events.publish(try store.upsertCustomer(customer, origin: origin))
            guard let summary = try store.customer(id: customer.id) else { throw Failure.store("customer \(customer.id) missing after save") }
            return summary
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .store(String(describing: error))
        }
    }

    private func audited<Result: Sendable>(_ action: String, target: String, targetEmail: String?, detail: String?,
                                           outcome: (Result) -> String? = { _ in nil }, finalTarget: (Result) -> String? = { _ in nil },
                                           _ operation: () async throws(CalypsoError) -> Result) async throws(Failure) -> Result {
        if readOnly { throw .readOnly }
        let auditId: Int64
        do {
            auditId = try store.beginAudit(action: action, target: target, targetEmail: targetEmail, detail: detail, user: user)
        } catch {
            throw .store("could not write the audit log, so nothing was sent: \(error)")
        }
        do {
            let result = try await operation()
            try? store.finishAudit(id: auditId, result: .succeeded, error: nil, outcome: outcome(result), target: finalTarget(result))
            logger.notice("\(action) succeeded", metadata: ["target": "\(target)", "user": "\(user)", "audit": "\(auditId)"])
            return result
        } catch {
            try? store.finishAudit(id: auditId, result: .failed, error: error.description)
            logger.warning("\(action) failed", metadata: ["target": "\(target)", "user": "\(user)", "audit": "\(auditId)",
                                                        "reason": "\(error.description)"])
            throw .api(error)
        }
    }
}
