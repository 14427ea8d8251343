import CalypsoAPI
import Foundation

/// The clock the API shows to clients: real time plus the skew fault. The ±180 s timestamp
/// window is checked against it, and every response's `Date` header is written from it.
struct ProtocolClock: Sendable {
    let skewSeconds: Double

    func now() -> Date { Date().addingTimeInterval(skewSeconds) }

    func accepts(timestampMilliseconds: Int64) -> Bool {
        let serverMilliseconds = Int64((now().timeIntervalSince1970 * 1000).rounded())
        return abs(serverMilliseconds - timestampMilliseconds) <= 180_000
    }
}
