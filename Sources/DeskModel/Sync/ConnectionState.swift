import Foundation

/// What the header says about the data: live, retrying a failed request, stale since the last
/// good refresh, or failing.
public enum ConnectionState: Sendable, Equatable {
    case connecting
    /// `retries`: failed requests that a retry absorbed lately (transient: they age out).
    case live(lastRefresh: Date, retries: Int = 0)
    /// A request just failed and is being tried again, or the first refresh failed.
    case retrying(reason: String, lastSuccess: Date?)
    /// Refreshes keep failing; what is shown dates from `lastSuccess`.
    case stale(lastSuccess: Date, reason: String)
    /// Failing for several refreshes in a row, or never succeeded.
    case error(reason: String, lastSuccess: Date?)
    case offline

    public var label: String { text(now: Date()) }

    /// "live", "live · 2 retries", "retrying · connection refused", "stale 12s · timed out", "error: …".
    public func text(now: Date) -> String {
        switch self {
        case .connecting: "connecting"
        case .live(_, let retries): retries == 0 ? "live" : "live · \(retries) \(retries == 1 ? "retry" : "retries")"
        case .retrying(let reason, _): "retrying · \(reason)"
        case .stale(let since, let reason): "stale \(Self.age(since, now: now)) · \(reason)"
        case .error(let reason, _): "error: \(reason)"
        case .offline: "offline"
        }
    }

    /// When `text(now:)` next reads differently by the passing of time alone (the stale age).
    public func textChanges(after now: Date) -> Date? {
        guard case .stale(let since, _) = self else { return nil }
        let elapsed = now.timeIntervalSince(since)
        let seconds = max(0, Int(elapsed))
        let unit = seconds < 120 ? 1 : seconds < 7200 ? 60 : 3600
        return now.addingTimeInterval(Double((seconds / unit + 1) * unit) - elapsed)
    }

    /// Whether the header would show the two alike: a refresh that changes nothing else only
    /// moves `lastRefresh`, which nothing displays.
    public func looksLike(_ other: ConnectionState) -> Bool {
        switch (self, other) {
        case let (.live(_, mine), .live(_, theirs)): mine == theirs
        default: self == other
        }
    }

    public var reason: String? {
        switch self {
        case .retrying(let reason, _), .stale(_, let reason), .error(let reason, _): reason
        default: nil
        }
    }

    public var isLive: Bool {
        if case .live = self { true } else { false }
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
    /// Requests sent again after a transient failure, and how many of those then succeeded.
    public var retries = 0
    public var absorbedFaults = 0
    public var lastRefreshRequests = 0
    public var maxRefreshRequests = 0
    public var lastFeedRequests = 0
    public var maxFeedRequests = 0
    public var consecutiveFailures = 0
    public var lastRefreshDuration: Duration = .zero
    public init() {}
}
