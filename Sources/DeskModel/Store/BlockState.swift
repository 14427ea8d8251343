/// Whether a customer is blocked, as far as pursedesk knows. The API has no call that fetches a
/// customer, so a customer learned only from deposits is `unknown` until a create, update,
/// block or unblock answer, or a webhook carrying `customerBlocked`, says which.
public enum BlockState: String, Sendable, Hashable, Codable, CaseIterable {
    case blocked = "yes"
    case notBlocked = "no"
    case unknown

    public init(known value: Bool?) {
        switch value {
        case true?: self = .blocked
        case false?: self = .notBlocked
        case nil: self = .unknown
        }
    }

    /// The flag itself, or nil when nobody has said.
    public var knownValue: Bool? {
        switch self {
        case .blocked: true
        case .notBlocked: false
        case .unknown: nil
        }
    }

    /// Reads what a person typed for a blocked filter (`yes`, `no`, `unknown`, or a prefix;
    /// also `true`, `false` and `?`). Nil when the word names none of them.
    public init?(filterWord word: String) {
        let word = word.lowercased()
        guard !word.isEmpty else { return nil }
        if word == "?" { self = .unknown; return }
        if "yes".hasPrefix(word) || "true".hasPrefix(word) || "blocked".hasPrefix(word) { self = .blocked; return }
        if "no".hasPrefix(word) || "false".hasPrefix(word) || "not".hasPrefix(word) { self = .notBlocked; return }
        if "unknown".hasPrefix(word) { self = .unknown; return }
        return nil
    }
}
