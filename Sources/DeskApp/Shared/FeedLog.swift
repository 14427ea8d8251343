import CalypsoAPI
import DeskModel
import Foundation

/// One line of the live feed: a deposit appearing, changing state or being credited.
public struct FeedEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case new, stateChange(from: TransactionState), credited
    }

    public var at: Date
    public var kind: Kind
    public var transaction: TransactionRecord

    public init(at: Date, kind: Kind, transaction: TransactionRecord) {
        self.at = at
        self.kind = kind
        self.transaction = transaction
    }

    /// The entry for a model event, or nil for events that are not about a deposit.
    public init?(event: DeskEvent, at: Date) {
        switch event {
        case .newDeposit(let tx): self.init(at: at, kind: .new, transaction: tx)
        case .stateChanged(let tx, let from): self.init(at: at, kind: .stateChange(from: from), transaction: tx)
        case .credited(let tx): self.init(at: at, kind: .credited, transaction: tx)
        default: return nil
        }
    }
}

/// The `/` filter of the feed: `state:VALUE` (e.g. `state:declined`, `state:mempool`),
/// `currency:VALUE`, `customer:VALUE` (in the customer's email, or the start of their id), or a
/// substring of the transaction id, customer id or email, currency or state.
public struct FeedFilter: Hashable, Sendable {
    public let text: String
    private let terms: [(field: String?, value: String)]

    public init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(separator: " ").map { word in
            if let colon = word.firstIndex(of: ":") {
                let field = String(word[..<colon])
                if ["state", "currency", "cur"].contains(field) { return (field, Self.compact(word[word.index(after: colon)...])) }
                if field == "customer" { return (field, String(word[word.index(after: colon)...])) }
            }
            return (nil, String(word))
        }
    }

    public static func == (lhs: FeedFilter, rhs: FeedFilter) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether a `customer:` term is in it, so it must be applied again when emails become known.
    public var namesCustomer: Bool { terms.contains { $0.field == "customer" } }

    /// `customerEmail` gives the email of a customer id, when known.
    public func matches(_ entry: FeedEntry, customerEmail: (String) -> String? = { _ in nil }) -> Bool {
        let tx = entry.transaction
        let email = tx.customerId.flatMap(customerEmail)?.lowercased() ?? ""
        let state = entry.kind == .credited ? "credited" : Self.compact(tx.state.rawValue)
        for term in terms {
            switch term.field {
            case "state": if !state.contains(term.value) { return false }
            case "currency", "cur": if !Self.compact(tx.currency).contains(term.value) { return false }
            case "customer":
                let id = tx.customerId?.lowercased() ?? ""
                if id.isEmpty || !(id.hasPrefix(term.value) || email.contains(term.value)) { return false }
            default:
                let haystack = [tx.id, tx.hash ?? "", tx.address ?? "", tx.addressFrom ?? "", tx.customerId ?? "", email, tx.currency, tx.state.rawValue, state].joined(separator: " ").lowercased()
                if !haystack.contains(term.value) { return false }
            }
        }
        return true
    }

    /// Lowercase without underscores, so `mempool` finds MEM_POOL_FOUND.
    private static func compact(_ text: some StringProtocol) -> String {
        text.lowercased().replacingOccurrences(of: "_", with: "")
    }
}

/// The last `capacity` feed entries, the rows the filter lets through, and pause/follow.
public struct FeedLog: Sendable {
    public static let defaultCapacity = 2_000

    public let capacity: Int
    public private(set) var entries: [FeedEntry] = []
    /// Entries that arrived while paused, shown on resume.
    public private(set) var held: [FeedEntry] = []
    /// Indices into `entries` that pass the filter, oldest first.
    public private(set) var rows: [Int] = []
    public private(set) var filter = FeedFilter("")
    /// How many entries fell off the front so far, so a view can keep its cursor on the same line.
    public private(set) var droppedTotal = 0
    public var isPaused = false
    /// Keep the selection on the newest entry.
    public var isFollowing = true

    public init(capacity: Int = FeedLog.defaultCapacity) {
        self.capacity = capacity
    }

    /// Adds entries (oldest first); returns how many old entries fell off the front. `customerEmail`
    /// serves the filter's `customer:` terms.
    @discardableResult
    public mutating func append(_ new: [FeedEntry], customerEmail: (String) -> String? = { _ in nil }) -> Int {
        guard !new.isEmpty else { return 0 }
        if isPaused {
            held.append(contentsOf: new)
            if held.count > capacity { held.removeFirst(held.count - capacity) }
            return 0
        }
        entries.append(contentsOf: new)
        let dropped = max(0, entries.count - capacity)
        if dropped > 0 { entries.removeFirst(dropped) }
        droppedTotal += dropped
        rebuildRows(customerEmail: customerEmail)
        return dropped
    }

    /// Resumes after a pause; returns how many old entries fell off the front.
    @discardableResult
    public mutating func resume(customerEmail: (String) -> String? = { _ in nil }) -> Int {
        isPaused = false
        let pending = held
        held = []
        return append(pending, customerEmail: customerEmail)
    }

    public mutating func setFilter(_ text: String, customerEmail: (String) -> String? = { _ in nil }) {
        filter = FeedFilter(text)
        rebuildRows(customerEmail: customerEmail)
    }

    /// Applies the filter again (customers' emails changed).
    public mutating func refilter(customerEmail: (String) -> String?) {
        rebuildRows(customerEmail: customerEmail)
    }

    public func entry(atRow row: Int) -> FeedEntry? {
        rows.indices.contains(row) ? entries[rows[row]] : nil
    }

    private mutating func rebuildRows(customerEmail: (String) -> String?) {
        rows = filter.isEmpty ? Array(entries.indices) : entries.indices.filter { filter.matches(entries[$0], customerEmail: customerEmail) }
    }
}
