import Foundation

/// Which registry customers a person asked for: a blocked state and words that must each appear
/// (case-insensitively) in the id, email, external id or description.
public struct CustomerQuery: Sendable, Hashable {
    public var blocked: BlockState?
    public var words: [String]

    public init(blocked: BlockState? = nil, text: String? = nil) {
        self.blocked = blocked
        words = (text ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public func matches(_ customer: CustomerSummary) -> Bool {
        if let blocked, customer.blockState != blocked { return false }
        guard !words.isEmpty else { return true }
        let haystack = [customer.id, customer.email, customer.externalId, customer.description]
            .compactMap { $0?.lowercased() }.joined(separator: "\n")
        return words.allSatisfy { haystack.contains($0) }
    }
}
