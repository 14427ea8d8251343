import DeskModel
import Foundation

/// What the header bar shows.
public struct HeaderData: Sendable {
    public var account: String
    public var sourceLabel: String
    /// The embedded sandbox: the header shows a SANDBOX badge.
    public var isSandbox: Bool
    public var connection: ConnectionState
    public var refreshInterval: Duration
    public var counts: StoreCounts?
    /// In team mode: whether this desk polls or follows, and the team store's state.
    public var team: TeamStatus?
    /// The account's name from `user/current`, once known.
    public var accountName: String?

    public init(account: String, sourceLabel: String, isSandbox: Bool, connection: ConnectionState,
                refreshInterval: Duration, counts: StoreCounts? = nil) {
        self.account = account
        self.sourceLabel = sourceLabel
        self.isSandbox = isSandbox
        self.connection = connection
        self.refreshInterval = refreshInterval
        self.counts = counts
    }
}
