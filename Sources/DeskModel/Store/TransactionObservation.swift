import CalypsoAPI
import Foundation

/// What one source said about a transaction; any field may be missing.
public struct TransactionObservation: Sendable, Hashable {
    public var id: String
    public var customerId: String?
    public var purseId: String?
    public var address: String?
    public var currency: String?
    public var amount: String?
    public var addressFrom: String?
    public var hash: String?
    public var state: TransactionState?
    public var compliance: ComplianceState?
    public var credited: Bool?
    public var createdAt: Date?
    /// The blocked flag a webhook carried, for the blocked-customer alert.
    public var customerBlocked: Bool?

    public init(id: String, customerId: String? = nil, purseId: String? = nil, address: String? = nil, currency: String? = nil,
                amount: String? = nil, addressFrom: String? = nil, hash: String? = nil, state: TransactionState? = nil,
                compliance: ComplianceState? = nil, credited: Bool? = nil, createdAt: Date? = nil, customerBlocked: Bool? = nil) {
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
        self.customerBlocked = customerBlocked
    }

    public init(_ tx: Transaction, customerId: String? = nil) {
        self.init(id: tx.id, customerId: tx.customerId ?? customerId, purseId: tx.purseId, address: tx.address,
                  currency: tx.currency.rawValue, amount: tx.amount.description, addressFrom: tx.addressFrom,
                  hash: tx.transactionHash, state: tx.transactionState, compliance: tx.complianceState,
                  credited: tx.translationToAccountCompleted, createdAt: tx.createdDate)
    }

    /// A webhook's view of a transaction; nil for events that are not about one.
    public init?(webhook event: WebhookEnvelope) {
        guard let id = event.data.transactionId, !id.isEmpty else { return nil }
        let data = event.data
        var state = data.transactionState
        var compliance = data.complianceState
        var credited = data.translationToAccountCompleted
        switch event.eventType {
        case .memPoolFound: state = state ?? .memPoolFound; compliance = compliance ?? .unchecked
        case .pendingCompliance: state = state ?? .pendingComplianceCheck; compliance = compliance ?? .inProgress
        case .complianceDeclined: state = state ?? .declined; compliance = compliance ?? .decline
        case .fundsReceived: state = state ?? .confirmed; compliance = compliance ?? .checked
        case .translationCompleted:
            state = state ?? .confirmed; compliance = compliance ?? .checked; credited = true
        default: break
        }
        self.init(id: id, customerId: data.customerId, purseId: data.purseId, address: data.address,
                  currency: data.currency?.rawValue, amount: data.amount?.description, addressFrom: data.addressFrom,
                  hash: data.transactionHash, state: state, compliance: compliance, credited: credited,
                  createdAt: nil, customerBlocked: data.customerBlocked)
    }
}
