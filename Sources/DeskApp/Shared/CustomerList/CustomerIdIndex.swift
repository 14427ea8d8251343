import DeskModel

/// Customer id → index in the table: an open-addressing hash table of indices (4 bytes a slot, at
/// most half full) that compares the table's own id bytes, instead of a dictionary of id strings.
struct CustomerIdIndex: Sendable {
    private var slots: [Int32]
    private static let empty: Int32 = -1

    init(_ table: CustomerTable) {
        slots = Array(repeating: Self.empty, count: Self.capacity(for: table.count))
        for index in 0..<table.count { insert(index, table) }
    }

    private static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    func index(of id: String, in table: CustomerTable) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            var slot = Self.hash(UnsafeRawBufferPointer(bytes)) & (slots.count - 1)
            while slots[slot] != Self.empty {
                let candidate = Int(slots[slot])
                let same = table.withOriginal(.id, of: candidate) { stored in stored.map { $0.elementsEqual(bytes) } ?? bytes.isEmpty }
                if same { return candidate }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Adds customer `index` (already in `table`).
    mutating func insert(_ index: Int, _ table: CustomerTable) {
        if (index + 1) * 2 > slots.count {
            slots = Array(repeating: Self.empty, count: Self.capacity(for: index + 1))
            for earlier in 0..<index { place(earlier, table) }
        }
        place(index, table)
    }

    private mutating func place(_ index: Int, _ table: CustomerTable) {
        let hash = table.withOriginal(.id, of: index) { bytes in Self.hash(bytes.map { UnsafeRawBufferPointer($0) }) }
        var slot = hash & (slots.count - 1)
        while slots[slot] != Self.empty { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(index)
    }

    /// FNV-1a: stable, and cheap for short ids.
    private static func hash(_ bytes: UnsafeRawBufferPointer?) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes ?? UnsafeRawBufferPointer(start: nil, count: 0) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    var byteCount: Int { slots.capacity * 4 }
}
