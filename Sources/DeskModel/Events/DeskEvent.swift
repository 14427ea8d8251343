import CalypsoAPI
import Foundation

/// Something that happened, as the dashboard and alerts see it. Polling and webhooks both feed
/// the store; the store emits an event only when its state actually changes, so each event
/// appears once even when both sources report it.
public enum DeskEvent: Sendable, Hashable {
    case newDeposit(TransactionRecord)
    case stateChanged(TransactionRecord, from: TransactionState)
    case credited(TransactionRecord)
    case newAddress(PurseRecord)
    case purseExpired(PurseRecord)
    case purseDeclined(PurseRecord)
    case customerAdded(CustomerSummary)
    case customerChanged(CustomerSummary)
    case customerBlocked(customerId: String, blocked: Bool)
    case alert(AlertRecord)
    /// An operator action or case note another desk of the team recorded (from the team's log).
    case auditRecorded(AuditRecord)

    public var customerId: String? {
        switch self {
        case .newDeposit(let tx), .stateChanged(let tx, _), .credited(let tx): tx.customerId
        case .newAddress(let purse), .purseExpired(let purse), .purseDeclined(let purse): purse.customerId
        case .customerAdded(let customer), .customerChanged(let customer): customer.id
        case .customerBlocked(let id, _): id
        case .alert(let alert): alert.customerId
        case .auditRecorded(let record): record.action.hasPrefix("customer.") ? record.target : nil
        }
    }
}
