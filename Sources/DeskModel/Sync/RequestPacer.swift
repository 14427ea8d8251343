import Foundation

/// A token bucket: bursts up to `capacity` requests, refills at `rate` per second.
struct RequestPacer {
    var rate: Double
    var capacity: Double
    private var tokens: Double
    private var last: ContinuousClock.Instant

    init(rate: Double, capacity: Double) {
        self.rate = rate
        self.capacity = capacity
        tokens = capacity
        last = ContinuousClock.now
    }

    /// Takes a token; returns how long to wait first when none is left.
    mutating func take() -> Duration {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        tokens = min(capacity, tokens + rate * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        tokens -= 1
        guard tokens < 0 else { return .zero }
        return .milliseconds(Int((-tokens / rate) * 1000) + 1)
    }
}
