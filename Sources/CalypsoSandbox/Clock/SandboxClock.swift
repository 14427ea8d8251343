import CalypsoAPI
import Foundation

/// The simulated world's time. It drives creation dates, deposit steps and purse expiry; the API's
/// timestamp window and `Date` header use the host's real time instead (see `ProtocolClock`).
public protocol SandboxClock: Sendable {
    func now() -> Date
    /// Jumps forward; the world then processes everything that fell due.
    func advance(by seconds: TimeInterval)
}

/// Real time, run `scale` times faster from the moment it was made, plus any manual jumps.
public final class ScaledClock: SandboxClock {
    private let origin: Date
    private let started = ContinuousClock.now
    private let scale: Double
    private let jumped = Locked<TimeInterval>(0)

    public init(scale: Double = 1, origin: Date = Date()) {
        self.scale = scale
        self.origin = origin
    }

    public func now() -> Date {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return origin.addingTimeInterval(seconds * scale + jumped.current)
    }

    public func advance(by seconds: TimeInterval) { jumped.withLock { $0 += seconds } }
}

/// Time that moves only when told to: for tests.
public final class ManualClock: SandboxClock {
    private let current: Locked<Date>

    public init(start: Date = Date()) { current = Locked(start) }

    public func now() -> Date { current.current }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
