/// The background deposit generator.
public struct TrafficSettings: Sendable, Hashable, Codable {
    /// Whether the generator runs from `start()`.
    public var enabled: Bool
    public var depositsPerSecond: Double
    /// Share of generated deposits that compliance declines.
    public var declineShare: Double
    /// Share of generated deposits sent to blocked customers; the same share of seeded customers
    /// starts blocked so there is someone to send them to.
    public var blockedShare: Double
    /// Simulated seconds between two states of a deposit.
    public var stepSeconds: Double

    public init(enabled: Bool = true, depositsPerSecond: Double = 0.5, declineShare: Double = 0.1,
                blockedShare: Double = 0.05, stepSeconds: Double = 4) {
        self.enabled = enabled
        self.depositsPerSecond = depositsPerSecond
        self.declineShare = declineShare
        self.blockedShare = blockedShare
        self.stepSeconds = stepSeconds
    }
}
