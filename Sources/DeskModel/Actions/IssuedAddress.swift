import CalypsoAPI
import Foundation

/// The answer to an address request, and whether it is a new address or the active one the
/// customer already had (the API returns the active purse again while it lives).
public struct IssuedAddress: Sendable, Hashable {
    public enum Freshness: String, Sendable, Hashable {
        case new
        case existing
    }

    public var purse: Purse
    public var freshness: Freshness

    /// `stored` is what the store knew of the customer's purses before asking. A purse it already
    /// had is the existing one; so is a purse the API says was created well before the request
    /// (issued earlier, outside pursedesk).
    public init(purse: Purse, stored: [PurseRecord], askedAt: Date) {
        self.purse = purse
        let known = stored.contains { record in
            (purse.id != nil && record.purseId == purse.id) || (purse.id == nil && purse.address != nil && record.address == purse.address
                && record.status.isActive)
        }
        let issuedEarlier = purse.createdDate.map { $0 < askedAt.addingTimeInterval(-Self.clockTolerance) } ?? false
        freshness = known || issuedEarlier ? .existing : .new
    }

    /// Server and local clocks differ; a purse created within this many seconds before the request counts as new.
    static let clockTolerance: TimeInterval = 300
}
