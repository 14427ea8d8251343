import DeskModel

/// A customer's searchable texts, lowercased UTF-8, kept next to the list so typing a filter
/// never allocates per customer.
struct CustomerSearchFields: Sendable {
    var id: [UInt8]
    var email: [UInt8]
    var externalId: [UInt8]
    var description: [UInt8]

    init(_ customer: CustomerSummary) {
        id = Array(customer.id.lowercased().utf8)
        email = Array((customer.email ?? "").lowercased().utf8)
        externalId = Array((customer.externalId ?? "").lowercased().utf8)
        description = Array((customer.description ?? "").lowercased().utf8)
    }
}

/// The `/` filter: space-separated terms that must all match. A term is a substring of the id,
/// email, external id or description, or `field:value` with field `id`, `email`, `ext`,
/// `desc` or `blocked` (`blocked:yes` / `blocked:no`).
public struct CustomerFilter: Hashable, Sendable {
    enum Field: Hashable, Sendable {
        case any, id, email, externalId, description, blocked
    }

    struct Term: Hashable, Sendable {
        var field: Field
        var value: String
        var needle: [UInt8]
    }

    public let text: String
    let terms: [Term]

    private static let fieldNames: [String: Field] = [
        "id": .id, "email": .email, "ext": .externalId, "external": .externalId, "externalid": .externalId,
        "desc": .description, "description": .description, "blocked": .blocked,
    ]

    public init(_ text: String) {
        self.text = text
        terms = text.lowercased().split(separator: " ").map { word in
            if let colon = word.firstIndex(of: ":"), let field = Self.fieldNames[String(word[..<colon])] {
                let value = String(word[word.index(after: colon)...])
                return Term(field: field, value: value, needle: Array(value.utf8))
            }
            return Term(field: .any, value: String(word), needle: Array(word.utf8))
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    func matches(_ fields: CustomerSearchFields, blocked: Bool) -> Bool {
        for term in terms where !term.matches(fields, blocked: blocked) { return false }
        return true
    }

    /// Whether every customer this filter accepts was accepted by `previous` too, so the new
    /// result can be narrowed from the old one instead of scanning everyone.
    func narrows(_ previous: CustomerFilter) -> Bool {
        guard terms.count >= previous.terms.count else { return false }
        for (old, new) in zip(previous.terms, terms) where old.field != new.field || !new.value.hasPrefix(old.value) {
            return false
        }
        return true
    }
}

extension CustomerFilter.Term {
    func matches(_ fields: CustomerSearchFields, blocked: Bool) -> Bool {
        switch field {
        case .any:
            return Self.contains(fields.email, needle) || Self.contains(fields.id, needle)
                || Self.contains(fields.externalId, needle) || Self.contains(fields.description, needle)
        case .id: return Self.contains(fields.id, needle)
        case .email: return Self.contains(fields.email, needle)
        case .externalId: return Self.contains(fields.externalId, needle)
        case .description: return Self.contains(fields.description, needle)
        case .blocked:
            // Prefixes of yes/true and no/false, so that typing "blocked:y" already filters.
            if value.isEmpty { return true }
            if "yes".hasPrefix(value) || "true".hasPrefix(value) { return blocked }
            if "no".hasPrefix(value) || "false".hasPrefix(value) { return !blocked }
            return false
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
