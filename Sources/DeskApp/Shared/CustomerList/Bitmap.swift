/// A set of customer indices, one bit each.
struct Bitmap: Sendable {
    private var words: [UInt64]
    private(set) var count: Int

    init(count: Int, filled: Bool) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
    }

    init(_ indices: [Int], count: Int) {
        self.init(count: count, filled: false)
        for index in indices { self[index] = true }
    }

    subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue { words[index >> 6] |= 1 << UInt64(index & 63) } else { words[index >> 6] &= ~(1 << UInt64(index & 63)) }
        }
    }

    mutating func append(_ bit: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        self[count - 1] = bit
    }

    /// Words of 64 indices each: index `i` is bit `i % 64` of word `i / 64`.
    var wordCount: Int { words.count }

    /// The set indices in ascending order.
    func forEachSet(_ body: (Int) -> Void) {
        forEachSet(inWords: words.indices, body)
    }

    /// The set indices of words `wordRange` in ascending order.
    func forEachSet(inWords wordRange: Range<Int>, _ body: (Int) -> Void) {
        for wordIndex in wordRange {
            var bits = words[wordIndex]
            while bits != 0 {
                let index = wordIndex << 6 | bits.trailingZeroBitCount
                guard index < count else { return }
                body(index)
                bits &= bits - 1
            }
        }
    }

    /// Calls `body` with the words, to set bits of disjoint word ranges from several threads at once.
    mutating func withUnsafeMutableWords<Result>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> Result) -> Result {
        words.withUnsafeMutableBufferPointer { body($0) }
    }
}
