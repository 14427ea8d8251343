import Foundation

/// Every customer the dashboard lists, kept by column instead of one `CustomerSummary` per row: at
/// a million customers an object per row (four strings each) costs several times the memory and
/// the load time. Texts are stored lowercased for searching, back to back in one byte buffer; the
/// original text is kept beside it only for fields whose lowercase differs. A customer becomes a
/// `CustomerSummary` only when asked for (the rows on screen). What the list never shows is not
/// kept: `lastSyncedAt` reads back nil. A text longer than 65,535 bytes is searched by its start.
public struct CustomerTable: Sendable {
    /// The four texts of a customer, in the order they are stored.
    public enum Field: Int, CaseIterable, Sendable {
        case email, id, externalId, description
    }

    /// Lowercased UTF-8 texts; a changed customer's record is appended and the old one left as garbage until `compacted`.
    public private(set) var folded: [UInt8] = []
    /// Per customer, the offset in `folded` of its record.
    private var starts: [UInt32] = []
    /// Per customer, the folded length of each field (4 per customer).
    private var lengths: [UInt16] = []
    /// Per customer: bits 0–3 the field is present (not NULL), bits 4–7 its original text differs from the folded one.
    private var flags: [UInt8] = []
    /// Original texts of fields that differ from their lowercase: per customer a chunk of (UInt16 length, bytes) per differing field.
    private var originals: [UInt8] = []
    private var originalStarts: [UInt32] = []
    private var blocked: [Int8] = []
    private var origins: [UInt8] = []
    private var purseCounts: [Int32] = []
    private var pendingDeposits: [Int32] = []
    private var lastDepositAt: [Double] = []
    private var garbage = 0

    public init() {}

    public init(_ customers: [CustomerSummary]) {
        reserveCapacity(customers.count)
        for customer in customers { append(customer) }
    }

    public var count: Int { flags.count }

    /// Room for `count` customers; texts are reserved later, from a sample (`reserveTexts`).
    mutating func reserveCapacity(_ count: Int) {
        starts.reserveCapacity(count)
        lengths.reserveCapacity(count * 4)
        flags.reserveCapacity(count)
        originalStarts.reserveCapacity(count)
        blocked.reserveCapacity(count)
        origins.reserveCapacity(count)
        purseCounts.reserveCapacity(count)
        pendingDeposits.reserveCapacity(count)
        lastDepositAt.reserveCapacity(count)
    }

    /// Room for the texts of `total` customers, estimated from those added so far, so the buffers
    /// do not double (and briefly need three times their size) while a large table loads.
    mutating func reserveTexts(forTotal total: Int) {
        guard count > 0, total > count else { return }
        let scale = Double(total) / Double(count) * 1.05
        folded.reserveCapacity(Int(Double(folded.count) * scale) + 1024)
        originals.reserveCapacity(Int(Double(originals.count) * scale) + 1024)
    }

    // MARK: Adding and changing

    public mutating func append(_ customer: CustomerSummary) {
        var record = beginTexts()
        for text in Self.texts(customer) { addText(text, to: &record) }
        appendRecord(record, blocked: customer.blockState.knownValue, origin: customer.origin, purseCount: customer.purseCount,
                     pendingDeposits: customer.pendingDeposits, lastDepositAt: customer.lastDepositAt?.timeIntervalSince1970)
    }

    /// Replaces customer `index` with `customer`.
    public mutating func replace(_ index: Int, with customer: CustomerSummary) {
        let old = summary(at: index)
        guard !old.listsTheSame(as: customer) else { return }
        if old.id != customer.id || old.email != customer.email || old.externalId != customer.externalId || old.description != customer.description {
            garbage += foldedRange(nil, of: index).count
            var record = beginTexts()
            for text in Self.texts(customer) { addText(text, to: &record) }
            starts[index] = record.start
            for field in 0..<4 { lengths[4 * index + field] = record.lengths[field] }
            flags[index] = record.flags
            originalStarts[index] = record.originalStart
        }
        blocked[index] = Self.blockedValue(customer.blockState.knownValue)
        origins[index] = Self.originCode(customer.origin)
        purseCounts[index] = Int32(clamping: customer.purseCount)
        pendingDeposits[index] = Int32(clamping: customer.pendingDeposits)
        lastDepositAt[index] = customer.lastDepositAt?.timeIntervalSince1970 ?? .nan
        if garbage > folded.count / 2 && garbage > 1 << 20 { self = compacted() }
    }

    /// A customer's texts being written: where they start, each field's end, presence and case flags.
    struct TextRecord {
        var start: UInt32
        var lengths: [UInt16] = []
        var flags: UInt8 = 0
        var originalStart = UInt32.max
    }

    mutating func beginTexts() -> TextRecord {
        var record = TextRecord(start: UInt32(folded.count))
        record.lengths.reserveCapacity(4)
        return record
    }

    /// Adds the record's next field (in `Field` order); nil for NULL.
    mutating func addText(_ text: UnsafeRawBufferPointer?, to record: inout TextRecord) {
        let field = record.lengths.count, fieldStart = folded.count
        if let text {
            record.flags |= 1 << field
            let changed = Self.appendFolded(text, to: &folded)
            if folded.count - fieldStart > Int(UInt16.max) { folded.removeLast(folded.count - fieldStart - Int(UInt16.max)) }
            if changed {
                if record.originalStart == .max { record.originalStart = UInt32(originals.count) }
                record.flags |= 1 << (4 + field)
                let length = min(text.count, Int(UInt16.max))
                originals.append(UInt8(length & 0xFF))
                originals.append(UInt8(length >> 8))
                originals.append(contentsOf: text.prefix(length))
            }
        }
        record.lengths.append(UInt16(folded.count - fieldStart))
    }

    private mutating func addText(_ text: String?, to record: inout TextRecord) {
        guard var text else { return addText(nil as UnsafeRawBufferPointer?, to: &record) }
        text.withUTF8 { addText(UnsafeRawBufferPointer($0), to: &record) }
    }

    /// Adds a customer whose texts were written with `addText`.
    mutating func appendRecord(_ record: TextRecord, blocked: Bool?, origin: CustomerOrigin, purseCount: Int, pendingDeposits: Int,
                               lastDepositAt: Double?) {
        starts.append(record.start)
        lengths.append(contentsOf: record.lengths)
        flags.append(record.flags)
        originalStarts.append(record.originalStart)
        self.blocked.append(Self.blockedValue(blocked))
        origins.append(Self.originCode(origin))
        purseCounts.append(Int32(clamping: purseCount))
        self.pendingDeposits.append(Int32(clamping: pendingDeposits))
        self.lastDepositAt.append(lastDepositAt ?? .nan)
    }

    /// Appends `text` lowercased; true when that changed it. ASCII is lowered byte by byte; other text through `String.lowercased()`.
    private static func appendFolded(_ text: UnsafeRawBufferPointer, to buffer: inout [UInt8]) -> Bool {
        var isASCII = true, changed = false
        for byte in text where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            for byte in text {
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    buffer.append(byte + 32)
                    changed = true
                } else {
                    buffer.append(byte)
                }
            }
            return changed
        }
        let original = String(decoding: text, as: UTF8.self)
        let lowered = original.lowercased()
        buffer.append(contentsOf: lowered.utf8)
        return !lowered.utf8.elementsEqual(text)
    }

    /// The same customers without the garbage of replaced records.
    func compacted() -> CustomerTable {
        var table = CustomerTable()
        table.reserveCapacity(count)
        for index in 0..<count { table.append(summary(at: index)) }
        return table
    }

    // MARK: Reading

    /// The folded (lowercased) bytes of `field`, or of the whole record when `field` is nil: offsets into `folded`.
    public func foldedRange(_ field: Field?, of index: Int) -> Range<Int> {
        var lower = Int(starts[index])
        let base = 4 * index
        guard let field else {
            return lower..<(lower + Int(lengths[base]) + Int(lengths[base + 1]) + Int(lengths[base + 2]) + Int(lengths[base + 3]))
        }
        for earlier in 0..<field.rawValue { lower += Int(lengths[base + earlier]) }
        return lower..<(lower + Int(lengths[base + field.rawValue]))
    }

    /// The end of the field holding folded offset `position` of customer `index`.
    public func fieldEnd(containing position: Int, of index: Int) -> Int {
        var end = Int(starts[index])
        for field in 0..<4 {
            end += Int(lengths[4 * index + field])
            if end > position { return end }
        }
        return end
    }

    public func isPresent(_ field: Field, of index: Int) -> Bool { flags[index] & (1 << field.rawValue) != 0 }

    /// Calls `body` with the original UTF-8 of `field` (nil when NULL).
    public func withOriginal<Result>(_ field: Field, of index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        let flag = flags[index]
        guard flag & (1 << field.rawValue) != 0 else { return body(nil) }
        guard flag & (1 << (4 + field.rawValue)) != 0 else {
            let range = foldedRange(field, of: index)
            return folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        var offset = Int(originalStarts[index])
        return originals.withUnsafeBufferPointer { buffer in
            for earlier in 0..<field.rawValue where flag & (1 << (4 + earlier)) != 0 {
                offset += 2 + (Int(buffer[offset]) | Int(buffer[offset + 1]) << 8)
            }
            let length = Int(buffer[offset]) | Int(buffer[offset + 1]) << 8
            return body(UnsafeBufferPointer(rebasing: buffer[(offset + 2)..<(offset + 2 + length)]))
        }
    }

    /// Where each customer's original `field` text lies, for sorting without making strings.
    public struct TextSpan: Sendable {
        /// Offset in `folded`, or in the originals when `inOriginals`.
        public var offset: UInt32
        public var length: UInt32
        public var inOriginals: Bool
        public var isNull: Bool
    }

    public func span(_ field: Field, of index: Int) -> TextSpan {
        let flag = flags[index]
        guard flag & (1 << field.rawValue) != 0 else { return TextSpan(offset: 0, length: 0, inOriginals: false, isNull: true) }
        guard flag & (1 << (4 + field.rawValue)) != 0 else {
            let range = foldedRange(field, of: index)
            return TextSpan(offset: UInt32(range.lowerBound), length: UInt32(range.count), inOriginals: false, isNull: false)
        }
        var offset = Int(originalStarts[index])
        for earlier in 0..<field.rawValue where flag & (1 << (4 + earlier)) != 0 {
            offset += 2 + (Int(originals[offset]) | Int(originals[offset + 1]) << 8)
        }
        let length = Int(originals[offset]) | Int(originals[offset + 1]) << 8
        return TextSpan(offset: UInt32(offset + 2), length: UInt32(length), inOriginals: true, isNull: false)
    }

    /// Calls `body` with the folded and the originals buffers, which `TextSpan`s point into.
    public func withTextBuffers<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        folded.withUnsafeBufferPointer { folded in originals.withUnsafeBufferPointer { originals in body(folded, originals) } }
    }

    public func text(_ field: Field, of index: Int) -> String? {
        withOriginal(field, of: index) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    public func blockState(of index: Int) -> BlockState {
        switch blocked[index] {
        case 1: .blocked
        case 0: .notBlocked
        default: .unknown
        }
    }

    /// Not blocked, then unknown, then blocked.
    public func blockedRank(of index: Int) -> Int {
        switch blocked[index] {
        case 0: 0
        case 1: 2
        default: 1
        }
    }

    public func purseCount(of index: Int) -> Int { Int(purseCounts[index]) }
    public func pendingDeposits(of index: Int) -> Int { Int(pendingDeposits[index]) }

    /// Seconds since 1970, nil when never.
    public func lastDepositAt(of index: Int) -> Double? {
        let value = lastDepositAt[index]
        return value.isNaN ? nil : value
    }

    public func summary(at index: Int) -> CustomerSummary {
        CustomerSummary(
            id: text(.id, of: index) ?? "", email: text(.email, of: index), externalId: text(.externalId, of: index),
            description: text(.description, of: index), blocked: blockState(of: index).knownValue, origin: Self.origin(origins[index]),
            purseCount: purseCount(of: index), pendingDeposits: pendingDeposits(of: index),
            lastDepositAt: lastDepositAt(of: index).map(Date.init(timeIntervalSince1970:)))
    }

    /// Bytes held, for the benchmark's account of memory.
    public var byteCount: Int {
        folded.capacity + starts.capacity * 4 + lengths.capacity * 2 + flags.capacity + originals.capacity + originalStarts.capacity * 4 + blocked.capacity
            + origins.capacity + (purseCounts.capacity + pendingDeposits.capacity) * 4 + lastDepositAt.capacity * 8
    }

    // MARK: Encoding

    private static func texts(_ customer: CustomerSummary) -> [String?] {
        [customer.email, customer.id, customer.externalId, customer.description]
    }

    private static func blockedValue(_ value: Bool?) -> Int8 {
        switch value {
        case true?: 1
        case false?: 0
        case nil: -1
        }
    }

    private static let originList: [CustomerOrigin] = [.created, .imported, .webhook, .discovered]

    private static func originCode(_ origin: CustomerOrigin) -> UInt8 { UInt8(originList.firstIndex(of: origin) ?? 3) }
    private static func origin(_ code: UInt8) -> CustomerOrigin { originList[Int(code)] }
}

extension CustomerSummary {
    /// Equal in everything a customer list keeps (all but `lastSyncedAt`).
    public func listsTheSame(as other: CustomerSummary) -> Bool {
        var other = other
        other.lastSyncedAt = lastSyncedAt
        return self == other
    }
}
