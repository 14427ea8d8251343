import Foundation

public struct SyncSettings: Sendable {
    /// Time between refreshes; never below one second.
    public var refreshInterval: Duration {
        didSet { if refreshInterval < .seconds(1) { refreshInterval = .seconds(1) } }
    }
    /// Requests per second the engine may spend; one refresh spends at most this times the interval.
    public var requestsPerSecond: Double
    public var feedPageSize = 50
    /// The feed's first page when the last one was mostly known: a quiet account then costs a
    /// small page per refresh, a busy one still gets full pages.
    public var quietFeedPageSize = 20
    public var maxFeedPages = 4
    public var customerPageSize = 50
    public var maxCustomerPages = 4
    /// An alert is raised once refreshes have failed this many times in a row.
    public var failingAlertAfter = 5
    /// The wait between refreshes while the API rate-limits (429) grows up to this; other
    /// failures are tried again every refresh interval, so recovery shows within one.
    public var maxBackoff: Duration = .seconds(30)
    /// A read that failed transiently is sent again this many times within the refresh, after
    /// `retryDelay`, then twice that; the header says `retrying` meanwhile.
    public var retriesPerRequest = 2
    public var retryDelay: Duration = .milliseconds(250)
    /// How long a fault that a retry absorbed stays counted in the header's `live · N retries`.
    public var absorbedRetryWindow: Duration = .seconds(60)
    /// A visible or recently active customer is fetched again only after this long; the live
    /// feed already brings every deposit change of every customer.
    public var rowFreshness: Duration = .seconds(60)
    /// Requests per refresh, on average, for visible rows, recently active customers and the
    /// sweep together: one customer (two requests) every other refresh by default.
    public var backgroundRequestsPerRefresh = 1.0
    /// A following desk of a team fetches only what its operator opens: at most this many requests
    /// per fetch, and at most one fetch per refresh interval.
    public var followerRequestsPerFetch = 3

    public init(refreshInterval: Duration = .seconds(2), requestsPerSecond: Double = 10) {
        self.refreshInterval = max(refreshInterval, .seconds(1))
        self.requestsPerSecond = max(requestsPerSecond, 0.5)
    }

    /// Requests one refresh may make.
    public var requestsPerRefresh: Int {
        let seconds = Double(refreshInterval.components.seconds) + Double(refreshInterval.components.attoseconds) / 1e18
        return max(2, Int((requestsPerSecond * seconds).rounded(.down)))
    }
}
