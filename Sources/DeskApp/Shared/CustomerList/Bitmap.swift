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

    /// The set indices in ascending order.
    func forEachSet(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                let index = wordIndex << 6 | bits.trailingZeroBitCount
                guard index < count else { return }
                body(index)
                bits &= bits - 1
            }
        }
    }
}
