import Foundation

/// Everything a sandbox is started with. The defaults suit a live demo.
public struct SandboxConfiguration: Sendable {
    /// Loopback only: the admin endpoints are unauthenticated.
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    public var seedCustomers = 50
    /// Finished historical deposits spread over the seeded customers' last 30 days.
    public var seedTransactions = 0
    /// Simulated seconds per real second.
    public var timeScale = 1.0
    /// Replaces the scaled real clock, e.g. with a `ManualClock` in tests.
    public var clock: (any SandboxClock)?
    /// When set, a subscription to this URL exists from the start.
    public var webhookURL: String?
    /// Multiplies the documented webhook retry gaps (30 s, 30 s, 60 s, …).
    public var webhookRetryScale = 1.0
    /// Makes ids, addresses, amounts and keys repeatable.
    public var seed: UInt64 = 1
    /// Merchant accounts served for the one API key, each with its own world (at least 1).
    /// The first is the account `credentials` names.
    public var accountCount = 2
    public var faults = SandboxFaults.none
    public var currencies = SandboxCurrency.assumedDefaults
    public var traffic = TrafficSettings()
    /// When set, the world is read from this file at start (instead of seeding) when it exists,
    /// and written to it every `saveInterval` and at stop.
    public var worldFile: URL?
    public var saveInterval: Duration = .seconds(15)

    public init() {}
}
