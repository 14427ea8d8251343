import DeskModel

/// The `/` filter: space-separated terms that must all match. A term is a substring of the id,
/// email, external id or description, or `field:value` with field `id`, `email`, `ext`,
/// `desc` or `blocked` (`blocked:yes`, `blocked:no`, `blocked:unknown` or `blocked:?`). Matching
/// is by lowercased UTF-8 bytes.
public struct CustomerFilter: Hashable, Sendable {
    enum Field: Hashable, Sendable {
        case any, text(CustomerSearchIndex.Field), blocked
    }

    struct Term: Hashable, Sendable {
        var field: Field
        var value: String
        var needle: [UInt8]
        /// The characters a text must contain to hold `needle`.
        var mask: UInt32

        init(field: Field, value: Substring) {
            self.field = field
            self.value = String(value)
            needle = Array(value.utf8)
            mask = needle.reduce(0) { $0 | CustomerSearchIndex.presence($1) }
        }

        /// Whether every customer this term accepts was accepted by `previous` too.
        func narrows(_ previous: Term) -> Bool {
            field == previous.field && value.hasPrefix(previous.value)
        }
    }

    public let text: String
    let terms: [Term]

    private static let fieldNames: [String: Field] = [
        "id": .text(.id), "email": .text(.email), "ext": .text(.externalId), "external": .text(.externalId),
        "externalid": .text(.externalId), "desc": .text(.description), "description": .text(.description), "blocked": .blocked,
    ]

    public init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(separator: " ").map { word in
            if let colon = word.firstIndex(of: ":"), let field = Self.fieldNames[String(word[..<colon])] {
                return Term(field: field, value: word[word.index(after: colon)...])
            }
            return Term(field: .any, value: word)
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether every customer this filter accepts was accepted by `previous` too, so the new
    /// result can be narrowed from the old one instead of scanning everyone.
    func narrows(_ previous: CustomerFilter) -> Bool {
        terms.count >= previous.terms.count && zip(previous.terms, terms).allSatisfy { $1.narrows($0) }
    }
}

extension CustomerFilter.Term {
    /// Whether customer `index` matches; `pattern` is `needle` prepared by `search`. For text terms, the first match offset at or after `from`
    /// (a bound known from a shorter term) in its texts.
    func match(_ index: Int, in search: CustomerSearchIndex, pattern: CustomerSearchIndex.Pattern, blocked: BlockState, from: Int = 0) -> Int? {
        switch field {
        case .any: return search.firstMatch(pattern, in: nil, of: index, from: from)
        case .text(let field): return search.firstMatch(pattern, in: field, of: index, from: from)
        case .blocked:
            // Prefixes (yes/true, no/false, unknown), so that typing "blocked:y" already filters.
            if value.isEmpty { return 0 }
            return BlockState(filterWord: value) == blocked ? 0 : nil
        }
    }
}
