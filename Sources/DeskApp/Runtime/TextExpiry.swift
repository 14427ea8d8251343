import Foundation

/// While a frame renders, each text that depends on the time (the clock, ages, countdowns, the
/// stale age) notes when it will next read differently. The loop then sleeps until the earliest
/// of those instead of rendering every second: a frame is made only when its text can change.
final class TextExpiry: @unchecked Sendable {
    @TaskLocal static var current: TextExpiry?

    /// Only ever touched by the thread rendering the frame.
    private(set) var earliest: Date?

    /// Records that a text on the frame being rendered reads differently from `date` on.
    static func note(changesAt date: Date?) {
        guard let date, let recorder = current else { return }
        if recorder.earliest.map({ date < $0 }) ?? true { recorder.earliest = date }
    }

    /// Runs a render and returns what it made and when its text next changes (nil: never by itself).
    static func measure<Result>(_ render: () -> Result) -> (Result, Date?) {
        let recorder = TextExpiry()
        let result = $current.withValue(recorder) { render() }
        return (result, recorder.earliest)
    }
}
