/// How webhook deliveries went.
public struct WebhookStatistics: Codable, Sendable, Hashable {
    /// Deliveries answered with 200.
    public var delivered = 0
    /// Tries answered with anything else, or not answered.
    public var failedAttempts = 0
    /// Deliveries that ran out of retries.
    public var abandoned = 0
    /// Deliveries still being tried.
    public var pending = 0

    public init() {}
}
