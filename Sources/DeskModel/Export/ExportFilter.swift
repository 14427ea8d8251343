import CalypsoAPI
import Foundation

/// Which rows an export keeps: a time window (`since` inclusive, `until` exclusive) and a state.
public struct ExportFilter: Sendable, Hashable {
    public var since: Date?
    public var until: Date?
    public var state: TransactionState?

    public init(since: Date? = nil, until: Date? = nil, state: TransactionState? = nil) {
        self.since = since
        self.until = until
        self.state = state
    }

    func keeps(_ date: Date?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let date else { return false }
        if let since, date < since { return false }
        if let until, date >= until { return false }
        return true
    }

    /// Reads `2026-12-01` (midnight UTC; with `endOfDay`, the next midnight, so the day is
    /// included) or a full ISO 8601 time such as `2026-12-01T08:00:00Z`.
    public static func parseDate(_ text: String, endOfDay: Bool = false) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), parts[0].count == 4,
           let date = CalypsoDate.parse(trimmed + "T00:00:00Z") {
            return endOfDay ? date.addingTimeInterval(86_400) : date
        }
        guard trimmed.contains("T") else { return nil }
        return CalypsoDate.parse(trimmed)
    }
}

/// How far an export got, for a progress line.
public struct ExportProgress: Sendable, Hashable {
    public var rows: Int
    /// Rows expected in all, when the source says (the API's `totalElements`).
    public var expected: Int?
}
