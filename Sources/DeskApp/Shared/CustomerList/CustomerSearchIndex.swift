import DeskModel
import Foundation

/// The customers' texts to search: the table's lowercased UTF-8 (per customer: email, id,
/// external id, description), with a mask of the characters each customer's texts contain.
struct CustomerSearchIndex: Sendable {
    typealias Field = CustomerTable.Field

    private(set) var table: CustomerTable
    private var masks: [UInt32] = []
    /// How often each byte occurs, to look for a needle by its rarest byte.
    private var frequencies = [Int](repeating: 0, count: 256)

    /// A needle prepared for searching: `anchor` is the offset of its rarest byte.
    struct Pattern {
        var needle: [UInt8]
        var mask: UInt32
        var anchor: Int
        /// A single letter, which has a mask bit of its own: a customer's mask says whether its texts hold it.
        var isOneLetter: Bool { needle.count == 1 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(needle[0]) }
    }

    init(_ table: CustomerTable) {
        self.table = table
        var masks: [UInt32] = []
        var frequencies = [Int](repeating: 0, count: 256)
        masks.reserveCapacity(table.count)
        table.folded.withUnsafeBufferPointer { bytes in
            for index in 0..<table.count {
                var mask: UInt32 = 0
                for byte in bytes[table.foldedRange(nil, of: index)] {
                    mask |= Self.presence(byte)
                    frequencies[Int(byte)] += 1
                }
                masks.append(mask)
            }
        }
        self.masks = masks
        self.frequencies = frequencies
    }

    var count: Int { masks.count }

    mutating func append(_ customer: CustomerSummary) {
        table.append(customer)
        masks.append(0)
        account(masks.count - 1, adding: true)
    }

    /// Replaces customer `index`'s texts and figures.
    mutating func replace(_ index: Int, with customer: CustomerSummary) {
        account(index, adding: false)
        table.replace(index, with: customer)
        account(index, adding: true)
    }

    private mutating func account(_ index: Int, adding: Bool) {
        var mask: UInt32 = 0
        for byte in table.folded[table.foldedRange(nil, of: index)] {
            mask |= Self.presence(byte)
            frequencies[Int(byte)] += adding ? 1 : -1
        }
        if adding { masks[index] = mask }
    }

    func pattern(_ needle: [UInt8], mask: UInt32) -> Pattern {
        Pattern(needle: needle, mask: mask, anchor: needle.indices.min { frequencies[Int(needle[$0])] < frequencies[Int(needle[$1])] } ?? 0)
    }

    /// The first offset at or after `from` (both relative to the customer's texts) where the pattern occurs
    /// inside `field`, or inside any one field when `field` is nil.
    func firstMatch(_ pattern: Pattern, in field: Field?, of index: Int, from: Int) -> Int? {
        guard pattern.mask & ~masks[index] == 0 else { return nil }
        // A one-letter term over all fields (the costliest scan: nearly everyone matches) needs no
        // search; 0 is a valid lower bound for where it matches.
        if field == nil, from == 0, pattern.isOneLetter { return 0 }
        let record = table.foldedRange(nil, of: index)
        let range = table.foldedRange(field, of: index)
        guard !pattern.needle.isEmpty else { return 0 }
        return table.folded.withUnsafeBufferPointer { haystack in
            pattern.needle.withUnsafeBufferPointer { needle in
                var position = max(range.lowerBound, record.lowerBound + from)
                while let found = Self.find(needle, anchor: pattern.anchor, in: haystack, from: position, to: range.upperBound) {
                    if field != nil || table.fieldEnd(containing: found, of: index) >= found + needle.count { return found - record.lowerBound }
                    position = found + 1
                }
                return nil
            }
        }
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

    /// One bit per letter; digits share four bits and other bytes two (4 bytes a customer at a million customers).
    static func presence(_ byte: UInt8) -> UInt32 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1 << UInt32(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 1 << UInt32(26 + (byte - UInt8(ascii: "0")) % 4)
        default: 1 << UInt32(30 + byte % 2)
        }
    }
}
