@testable import DeskApp
import DeskModel
import Foundation
import Testing

/// Time-dependent texts say when they next change, so the loop wakes only then.
@Suite struct TextExpiryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_030.25)

    func changes(_ render: () -> String) -> (String, TimeInterval?) {
        let (text, date) = TextExpiry.measure(render)
        return (text, date.map { $0.timeIntervalSince(now) })
    }

    @Test func agesChangeAtTheirNextUnit() {
        let seconds = changes { Formatting.age(now.addingTimeInterval(-59.5), now: now) }
        #expect(seconds.0 == "59s ago" && abs(seconds.1! - 0.5) < 1e-6)
        let minutes = changes { Formatting.age(now.addingTimeInterval(-90), now: now) }
        #expect(minutes.0 == "1m ago" && abs(minutes.1! - 30) < 1e-6)
        let hours = changes { Formatting.age(now.addingTimeInterval(-7200), now: now) }
        #expect(hours.0 == "2h ago" && abs(hours.1! - 3600) < 1e-6)
        let none = changes { Formatting.age(nil, now: now) }
        #expect(none.0 == "—" && none.1 == nil)
    }

    @Test func countdownsChangeWhenAUnitRunsOut() {
        let (text, after) = changes { Formatting.expiry(now.addingTimeInterval(7325.5), now: now) }
        #expect(text == "in 2h 2m")
        // 2h 2m 5.5s left: it reads "in 2h 1m" once less than 2h 2m remains.
        #expect(abs(after! - 5.501) < 1e-3)
    }

    @Test func theHeaderClockChangesOncePerMinute() {
        let (text, after) = changes { Formatting.minuteClock(now, timeZone: TimeZone(identifier: "UTC")!) }
        #expect(text.count == 5 && text.contains(":"))
        #expect(abs(after! - 29.75) < 1e-6, "the next minute starts 29.75 s later")
    }

    @Test func staleAgeTicksEverySecondThenEveryMinute() {
        let fresh = ConnectionState.stale(lastSuccess: now.addingTimeInterval(-12.5), reason: "timed out")
        #expect(fresh.textChanges(after: now).map { $0.timeIntervalSince(now) } == 0.5)
        let old = ConnectionState.stale(lastSuccess: now.addingTimeInterval(-150), reason: "timed out")
        #expect(old.textChanges(after: now).map { $0.timeIntervalSince(now) } == 30)
        #expect(ConnectionState.live(lastRefresh: now).textChanges(after: now) == nil)
        #expect(ConnectionState.live(lastRefresh: now).looksLike(.live(lastRefresh: now.addingTimeInterval(2))))
        #expect(!ConnectionState.live(lastRefresh: now).looksLike(.live(lastRefresh: now, retries: 1)))
    }

    @Test func aScreenWithOnlyTheClockWakesOncePerMinute() {
        var state = AppState(Fixtures.setup())
        _ = update(&state, .started)
        let (_, next) = TextExpiry.measure { DashboardScreen.render(state) }
        let wait = next.map { $0.timeIntervalSince(state.now) }
        #expect(wait != nil && wait! > 0 && wait! <= 60, "\(String(describing: wait))")
    }
}
