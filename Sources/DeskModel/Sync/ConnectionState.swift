import Foundation

/// What the header says about the data: live, stale since the last good refresh, or failing.
public enum ConnectionState: Sendable, Equatable {
    case connecting
    case live(lastRefresh: Date)
    /// A refresh failed; what is shown dates from `lastSuccess`.
    case stale(lastSuccess: Date, reason: String)
    /// Failing for several refreshes in a row, or never succeeded.
    case error(reason: String, lastSuccess: Date?)
    case offline

    public var label: String {
        switch self {
        case .connecting: "connecting"
        case .live: "live"
        case .stale(let since, _): "stale \(Self.age(since))"
        case .error(let reason, _): "error: \(reason)"
        case .offline: "offline"
        }
    }

    public var reason: String? {
        switch self {
        case .stale(_, let reason), .error(let reason, _): reason
        default: nil
        }
    }

    public static func age(_ since: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(since)))
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7200 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h"
    }
}

/// Figures the engine keeps about its own work, for the header, tests and benchmarks.
public struct SyncStatistics: Sendable, Equatable {
    public var refreshes = 0
    public var failedRefreshes = 0
    public var requests = 0
    public var lastRefreshRequests = 0
    public var maxRefreshRequests = 0
    public var lastFeedRequests = 0
    public var maxFeedRequests = 0
    public var consecutiveFailures = 0
    public var lastRefreshDuration: Duration = .zero
    public init() {}
}
