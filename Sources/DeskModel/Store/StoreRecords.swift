import CalypsoAPI
import Foundation

/// How pursedesk came to know a customer.
public enum CustomerOrigin: String, Sendable, Codable {
    case created, imported, webhook, discovered
}

/// A customer as the dashboard lists it, with the figures the list shows.
public struct CustomerSummary: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var email: String?
    public var externalId: String?
    public var description: String?
    public var blocked: Bool
    public var origin: CustomerOrigin
    public var purseCount: Int
    public var pendingDeposits: Int
    public var lastDepositAt: Date?
    public var lastSyncedAt: Date?

    public init(id: String, email: String? = nil, externalId: String? = nil, description: String? = nil, blocked: Bool = false,
                origin: CustomerOrigin = .created, purseCount: Int = 0, pendingDeposits: Int = 0, lastDepositAt: Date? = nil,
                lastSyncedAt: Date? = nil) {
        self.id = id
        self.email = email
        self.externalId = externalId
        self.description = description
        self.blocked = blocked
        self.origin = origin
        self.purseCount = purseCount
        self.pendingDeposits = pendingDeposits
        self.lastDepositAt = lastDepositAt
        self.lastSyncedAt = lastSyncedAt
    }

    public var customer: Customer {
        Customer(id: id, email: email, description: description, externalId: externalId, blocked: blocked)
    }
}

/// A purse as stored: one row per purse and currency.
public struct PurseRecord: Sendable, Hashable, Codable {
    public var purseId: String
    public var customerId: String
    public var currency: String
    public var address: String?
    public var blockchain: String?
    public var status: PurseStatus
    public var createdAt: Date?
    public var expiresAt: Date?
    public var lastDepositAt: Date?
    public var updatedAt: Date

    public init(purseId: String, customerId: String, currency: String, address: String?, blockchain: String?, status: PurseStatus,
                createdAt: Date?, expiresAt: Date?, lastDepositAt: Date?, updatedAt: Date) {
        self.purseId = purseId
        self.customerId = customerId
        self.currency = currency
        self.address = address
        self.blockchain = blockchain
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastDepositAt = lastDepositAt
        self.updatedAt = updatedAt
    }
}

/// A deposit as stored, with what was last seen of it.
public struct TransactionRecord: Sendable, Hashable, Codable {
    public var id: String
    public var customerId: String?
    public var purseId: String?
    public var address: String?
    public var currency: String
    public var amount: String
    public var addressFrom: String?
    public var hash: String?
    public var state: TransactionState
    public var compliance: ComplianceState
    public var credited: Bool
    public var createdAt: Date?
    public var firstSeenAt: Date
    public var updatedAt: Date

    public init(id: String, customerId: String?, purseId: String?, address: String?, currency: String, amount: String,
                addressFrom: String?, hash: String?, state: TransactionState, compliance: ComplianceState, credited: Bool,
                createdAt: Date?, firstSeenAt: Date, updatedAt: Date) {
        self.id = id
        self.customerId = customerId
        self.purseId = purseId
        self.address = address
        self.currency = currency
        self.amount = amount
        self.addressFrom = addressFrom
        self.hash = hash
        self.state = state
        self.compliance = compliance
        self.credited = credited
        self.createdAt = createdAt
        self.firstSeenAt = firstSeenAt
        self.updatedAt = updatedAt
    }

    /// Terminal and credited (or declined): nothing more will happen to it.
    public var isSettled: Bool { state == .declined || (state == .confirmed && credited) }
}

/// One state of a transaction as it was seen, and when.
public struct StateChangeRecord: Sendable, Hashable, Codable {
    public var transactionId: String
    public var state: TransactionState
    public var compliance: ComplianceState
    public var credited: Bool
    public var observedAt: Date
    public var source: ObservationSource
}

public enum ObservationSource: String, Sendable, Codable {
    case poll, webhook, action
}

public enum AuditResult: String, Sendable, Codable {
    case pending, succeeded, failed
}

/// One operator action and its outcome.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var user: String
    public var action: String
    public var target: String
    public var detail: String?
    public var result: AuditResult
    public var error: String?
    public var finishedAt: Date?

    public init(id: Int64, at: Date, user: String, action: String, target: String, detail: String?, result: AuditResult, error: String?,
                finishedAt: Date?) {
        self.id = id
        self.at = at
        self.user = user
        self.action = action
        self.target = target
        self.detail = detail
        self.result = result
        self.error = error
        self.finishedAt = finishedAt
    }
}

public enum AlertKind: String, Sendable, Codable, CaseIterable {
    case complianceDeclined = "compliance_declined"
    case fundsForBlockedCustomer = "funds_for_blocked_customer"
    case purseDeclined = "purse_declined"
    case syncFailing = "sync_failing"
}

public struct AlertRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var kind: AlertKind
    public var customerId: String?
    public var transactionId: String?
    public var message: String
    public var acknowledgedAt: Date?
    /// The operator's login name.
    public var acknowledgedBy: String?

    public init(id: Int64, at: Date, kind: AlertKind, customerId: String?, transactionId: String?, message: String,
                acknowledgedAt: Date? = nil, acknowledgedBy: String? = nil) {
        self.id = id
        self.at = at
        self.kind = kind
        self.customerId = customerId
        self.transactionId = transactionId
        self.message = message
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }

    public var isAcknowledged: Bool { acknowledgedAt != nil }
}

/// The numbers the header shows.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var customers = 0
    public var blocked = 0
    public var pursesByStatus: [String: Int] = [:]
    public var pendingDeposits = 0
    public var transactions = 0
    public var unacknowledgedAlerts = 0
    public init() {}
}
