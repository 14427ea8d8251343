import Foundation

/// A bar on standard error, rewritten in place at most ten times a second; only when standard
/// error is a terminal (nothing at all otherwise, so logs and pipes stay clean).
final class ProgressBar {
    static let width = 30
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var lastDrawn: ContinuousClock.Instant?

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// `fraction` 0…1 of the work done; `detail` follows the bar.
    func show(fraction: Double, _ detail: @autoclosure () -> String) {
        guard enabled else { return }
        let now = clock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(fraction: fraction, detail())).utf8))
    }

    func finish() {
        guard enabled, lastDrawn != nil else { return }
        lastDrawn = nil
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func line(fraction: Double, _ detail: String) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let filled = Int((clamped * Double(width)).rounded(.down))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + String(format: "%3.0f %%", clamped * 100) + "  " + detail
    }
}
