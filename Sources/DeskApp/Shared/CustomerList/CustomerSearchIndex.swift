import DeskModel
import Foundation

/// Every customer's searchable texts, lowercased UTF-8, back to back in one buffer (per customer: email,
/// id, external id, description), with a mask of the characters each customer's texts contain.
struct CustomerSearchIndex: Sendable {
    enum Field: Int, Sendable {
        case email, id, externalId, description
    }

    private var bytes: [UInt8] = []
    /// Field `f` of customer `i` is `bytes[bounds[4i + f] ..< bounds[4i + f + 1]]`.
    private var bounds: [UInt32] = [0]
    private var masks: [UInt64] = []
    /// How often each byte occurs, to look for a needle by its rarest byte.
    private var frequencies = [Int](repeating: 0, count: 256)

    /// A needle prepared for searching: `anchor` is the offset of its rarest byte.
    struct Pattern {
        var needle: [UInt8]
        var mask: UInt64
        var anchor: Int
    }

    init(_ customers: [CustomerSummary]) {
        bounds.reserveCapacity(customers.count * 4 + 1)
        masks.reserveCapacity(customers.count)
        for customer in customers { append(customer) }
    }

    var count: Int { masks.count }

    mutating func append(_ customer: CustomerSummary) {
        let start = bytes.count
        for text in Self.texts(customer) {
            bytes += text.utf8
            bounds.append(UInt32(bytes.count))
        }
        masks.append(bytes[start...].reduce(0) { $0 | Self.presence($1) })
        for byte in bytes[start...] { frequencies[Int(byte)] += 1 }
    }

    /// Replaces customer `index`'s texts.
    mutating func replace(_ index: Int, with customer: CustomerSummary) {
        let fields = Self.texts(customer).map { Array($0.utf8) }
        let old = (0..<4).map { field in bytes[Int(bounds[4 * index + field])..<Int(bounds[4 * index + field + 1])] }
        guard !zip(old, fields).allSatisfy({ $0.elementsEqual($1) }) else { return }
        let start = Int(bounds[4 * index]), end = Int(bounds[4 * index + 4])
        let record = Array(fields.joined())
        for byte in bytes[start..<end] { frequencies[Int(byte)] -= 1 }
        for byte in record { frequencies[Int(byte)] += 1 }
        bytes.replaceSubrange(start..<end, with: record)
        var fieldEnd = start
        for (field, text) in fields.enumerated() {
            fieldEnd += text.count
            bounds[4 * index + 1 + field] = UInt32(fieldEnd)
        }
        let delta = record.count - (end - start)
        for later in (4 * index + 5)..<bounds.count { bounds[later] = UInt32(Int(bounds[later]) + delta) }
        masks[index] = record.reduce(0) { $0 | Self.presence($1) }
    }

    func pattern(_ needle: [UInt8], mask: UInt64) -> Pattern {
        Pattern(needle: needle, mask: mask, anchor: needle.indices.min { frequencies[Int(needle[$0])] < frequencies[Int(needle[$1])] } ?? 0)
    }

    /// The first offset at or after `from` (both relative to the customer's texts) where the pattern occurs
    /// inside `field`, or inside any one field when `field` is nil.
    func firstMatch(_ pattern: Pattern, in field: Field?, of index: Int, from: Int) -> Int? {
        guard pattern.mask & ~masks[index] == 0 else { return nil }
        let recordStart = Int(bounds[4 * index])
        let lower = field.map { Int(bounds[4 * index + $0.rawValue]) } ?? recordStart
        let upper = field.map { Int(bounds[4 * index + $0.rawValue + 1]) } ?? Int(bounds[4 * index + 4])
        guard !pattern.needle.isEmpty else { return 0 }
        return bytes.withUnsafeBufferPointer { haystack in
            pattern.needle.withUnsafeBufferPointer { needle in
                var position = max(lower, recordStart + from)
                while let found = Self.find(needle, anchor: pattern.anchor, in: haystack, from: position, to: upper) {
                    if field != nil || fieldEnd(containing: found, of: index) >= found + needle.count { return found - recordStart }
                    position = found + 1
                }
                return nil
            }
        }
    }

    private func fieldEnd(containing position: Int, of index: Int) -> Int {
        var boundary = 4 * index + 1
        while Int(bounds[boundary]) <= position { boundary += 1 }
        return Int(bounds[boundary])
    }

    /// The first start in `from...end - needle.count` where `needle` matches, found by looking for its `anchor` byte.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, anchor: Int, in haystack: UnsafeBufferPointer<UInt8>,
                             from: Int, to end: Int) -> Int? {
        let last = end - needle.count
        guard from <= last, let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return nil }
        var start = from
        while start <= last {
            guard let hit = memchr(base + start + anchor, Int32(needle[anchor]), last - start + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + position, needleBase, needle.count) == 0 { return position }
            start = position + 1
        }
        return nil
    }

    private static func texts(_ customer: CustomerSummary) -> [String] {
        [customer.email ?? "", customer.id, customer.externalId ?? "", customer.description ?? ""].map { $0.lowercased() }
    }

    /// One bit per letter and digit; other bytes share the remaining bits.
    static func presence(_ byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1 << UInt64(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 1 << UInt64(26 + byte - UInt8(ascii: "0"))
        default: 1 << UInt64(36 + byte % 28)
        }
    }
}
