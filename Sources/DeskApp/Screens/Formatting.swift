import CalypsoAPI
import DeskModel
import Foundation

/// Short texts for tables: ids, ages, clock times, states.
enum Formatting {
    static func shortId(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "—" }
        return String(id.prefix(8))
    }

    /// "0x12ab…cd34" for long account names.
    static func shortAccount(_ account: String) -> String {
        account.count > 16 ? "\(account.prefix(6))…\(account.suffix(4))" : account
    }

    /// "12s ago", "5m ago", "3h ago", "4d ago"; "—" when unknown.
    static func age(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        let elapsed = now.timeIntervalSince(date)
        TextExpiry.note(changesAt: now.addingTimeInterval(untilGrowingSpanChanges(elapsed)))
        return "\(span(elapsed)) ago"
    }

    /// "in 2h 5m" or "expired 3m ago".
    static func expiry(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        let left = date.timeIntervalSince(now)
        guard left > 0 else {
            TextExpiry.note(changesAt: now.addingTimeInterval(untilGrowingSpanChanges(-left)))
            return "expired \(span(-left)) ago"
        }
        // The text shows whole units of the current granularity; it changes once fewer remain.
        let unit = spanUnit(Int(left), precise: true)
        TextExpiry.note(changesAt: now.addingTimeInterval(left - Double(Int(left) / unit * unit) + 0.001))
        return "in \(span(left, precise: true))"
    }

    /// Seconds until `span` of an interval that grows with time reads differently.
    static func untilGrowingSpanChanges(_ interval: TimeInterval, precise: Bool = false) -> TimeInterval {
        let seconds = max(0, Int(interval))
        let unit = spanUnit(seconds, precise: precise)
        return Double((seconds / unit + 1) * unit) - interval
    }

    /// The smallest step, in seconds, that `span` shows for an interval of this many seconds.
    static func spanUnit(_ seconds: Int, precise: Bool) -> Int {
        switch seconds {
        case ..<60: 1
        case ..<3600: precise ? 1 : 60
        case ..<86_400: precise ? 60 : 3600
        default: 86_400
        }
    }

    static func span(_ interval: TimeInterval, precise: Bool = false) -> String {
        let seconds = max(0, Int(interval))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return precise ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds / 60)m"
        case ..<86_400: return precise ? "\(seconds / 3600)h \(seconds % 3600 / 60)m" : "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }

    /// "14:05:09" in the local time zone.
    static func clock(_ date: Date, timeZone: TimeZone = .current) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let day = ((local % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d:%02d", day / 3600, day % 3600 / 60, day % 60)
    }

    /// "14:05" for the header: a clock with seconds would make every second a new frame.
    static func minuteClock(_ now: Date, timeZone: TimeZone = .current) -> String {
        let intoMinute = now.timeIntervalSince1970 - (now.timeIntervalSince1970 / 60).rounded(.down) * 60
        TextExpiry.note(changesAt: now.addingTimeInterval(60 - intoMinute))
        return String(clock(now, timeZone: timeZone).prefix(5))
    }

    /// "2026-12-05 14:05:09" in the local time zone.
    static func dateTime(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
                      parts.minute ?? 0, parts.second ?? 0)
    }

    static func duration(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
    }

    /// An exact decimal as written, e.g. "1234.5678"; never rounded.
    static func decimal(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// The shared short labels (DeskModel's Vocabulary), so the dashboard and the CLI agree.
    static func state(_ state: TransactionState) -> String { state.label }

    static func status(_ status: PurseStatus) -> String { status.label }
}
