import CalypsoAPI
import Foundation

/// One change of stored state, in a form another desk's store can merge: what a team's change
/// log carries. Merging is idempotent (states never move backwards, unchanged rows emit nothing),
/// so a change applied twice causes its events once.
public enum StoreChange: Sendable, Hashable, Codable {
    case customer(CustomerSummary)
    case customerBlocked(customerId: String, blocked: Bool)
    case deposit(TransactionRecord)
    case purse(PurseRecord)
    case alert(AlertRecord)
    /// A verified webhook delivery, as received; each desk applies it through its own receiver path.
    case webhook(rawBody: String)
    /// An operator action (pending or finished) of the shared audit log; `id` is the team's.
    case audit(AuditRecord)

    /// The change behind an event a store write returned.
    public init(_ event: DeskEvent) {
        switch event {
        case .newDeposit(let tx), .stateChanged(let tx, _), .credited(let tx): self = .deposit(tx)
        case .newAddress(let purse), .purseExpired(let purse), .purseDeclined(let purse): self = .purse(purse)
        case .customerAdded(let customer), .customerChanged(let customer): self = .customer(customer)
        case .customerBlocked(let id, let blocked): self = .customerBlocked(customerId: id, blocked: blocked)
        case .alert(let alert): self = .alert(alert)
        case .auditRecorded(let record): self = .audit(record)
        }
    }

    /// The changes behind a batch of events, without repeats (a deposit that was new and credited
    /// in one write is one change).
    public static func changes(of events: [DeskEvent]) -> [StoreChange] {
        var seen = Set<StoreChange>()
        return events.map(StoreChange.init).filter { seen.insert($0).inserted }
    }
}
