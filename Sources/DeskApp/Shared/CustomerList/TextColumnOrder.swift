import DeskModel
import Foundation

/// The ascending order of customers by one text column, computed from fixed-width keys instead of
/// comparing the texts in place: each present text becomes one `UInt64`, a few of its bytes (after
/// the prefix every present text shares, as ids such as `customer…` do) in the high bits and the
/// customer's index in the low bits. Sorting those integers orders the customers by those bytes;
/// customers whose bytes are equal are keyed again by their next bytes and sorted again, and only
/// texts that are equal to their ends are compared whole. Missing texts follow in index order: the
/// same order as `CustomerColumn.ascending`.
enum TextColumnOrder {
    static func ascending(_ field: CustomerTable.Field, _ table: CustomerTable) -> [Int32] {
        let count = table.count
        let indexBits = count <= 1 ? 1 : Int.bitWidth - (count - 1).leadingZeroBitCount
        return table.withTextBuffers { folded, originals in
            let texts = Texts(table: table, field: field, folded: folded, originals: originals, indexBits: indexBits)
            // First by the first byte after the shared prefix, straight into the order (a counting
            // sort), so that the keys of only one such group are held at a time: at a million
            // customers keys for all would add 8 MB to the peak memory.
            var bucketEnds = [Int](repeating: 0, count: Texts.bucketCount)
            for index in 0..<count { bucketEnds[texts.bucket(of: index)] += 1 }
            for bucket in 1..<Texts.bucketCount { bucketEnds[bucket] += bucketEnds[bucket - 1] }
            let bucketStarts = [0] + bucketEnds.dropLast()
            var order = [Int32](repeating: 0, count: count)
            var next = bucketStarts
            for index in 0..<count {
                let bucket = texts.bucket(of: index)
                order[next[bucket]] = Int32(index)
                next[bucket] += 1
            }
            // Texts that end with the shared prefix are all equal, and missing ones stay last: both in index order.
            for bucket in 1..<Texts.missingBucket where bucketEnds[bucket] - bucketStarts[bucket] > 1 {
                let range = bucketStarts[bucket]..<bucketEnds[bucket]
                var keyed = order[range].map { texts.keyed(Int($0), at: 0) }
                keyed.withUnsafeMutableBufferPointer { keyed in
                    sortInParallel(keyed)
                    texts.sortEqualKeys(keyed, keyedAt: 0)
                }
                for (position, value) in zip(range, keyed) { order[position] = Int32(value & texts.indexMask) }
            }
            return order
        }
    }

    /// The present texts of one column and how they are keyed.
    private struct Texts {
        let table: CustomerTable
        let field: CustomerTable.Field
        let folded: UnsafeBufferPointer<UInt8>
        let originals: UnsafeBufferPointer<UInt8>
        let indexBits: Int
        /// Whole bytes of text in a key.
        let keyBytes: Int
        let shared: Int

        init(table: CustomerTable, field: CustomerTable.Field, folded: UnsafeBufferPointer<UInt8>, originals: UnsafeBufferPointer<UInt8>,
             indexBits: Int) {
            (self.table, self.field, self.folded, self.originals, self.indexBits) = (table, field, folded, originals, indexBits)
            keyBytes = max(1, (UInt64.bitWidth - indexBits) / 8)
            shared = TextColumnOrder.sharedPrefixLength(field, table) { span in
                (span.inOriginals ? originals : folded).baseAddress! + Int(span.offset)
            }
        }

        var indexMask: UInt64 { (UInt64(1) << UInt64(indexBits)) - 1 }

        /// Groups by the first byte after the shared prefix: 0 for a text that ends there, 1 + the byte, then missing texts.
        static let bucketCount = 258
        static let missingBucket = 257

        func bucket(of index: Int) -> Int {
            let span = table.span(field, of: index)
            if span.isNull { return Self.missingBucket }
            return Int(span.length) > shared ? 1 + Int(start(span)[shared]) : 0
        }

        func start(_ span: CustomerTable.TextSpan) -> UnsafePointer<UInt8> {
            (span.inOriginals ? originals : folded).baseAddress! + Int(span.offset)
        }

        /// Customer `index` keyed by its text's bytes from `offset` on (after the shared prefix).
        func keyed(_ index: Int, at offset: Int) -> UInt64 {
            let span = table.span(field, of: index)
            let skipped = shared + offset
            let key = TextColumnOrder.packedKey(start(span) + skipped, length: Int(span.length) - skipped, width: keyBytes)
            return key << UInt64(indexBits) | UInt64(index)
        }

        /// Orders each run of `values` (sorted by their keys at `offset`) whose keys are equal by the texts' later bytes.
        func sortEqualKeys(_ values: UnsafeMutableBufferPointer<UInt64>, keyedAt offset: Int) {
            var runStart = 0
            while runStart < values.count {
                let key = values[runStart] & ~indexMask
                var runEnd = runStart + 1
                while runEnd < values.count, values[runEnd] & ~indexMask == key { runEnd += 1 }
                if runEnd - runStart > 1 { sortRun(UnsafeMutableBufferPointer(rebasing: values[runStart..<runEnd]), keyedAt: offset) }
                runStart = runEnd
            }
        }

        private func sortRun(_ run: UnsafeMutableBufferPointer<UInt64>, keyedAt offset: Int) {
            let next = offset + keyBytes
            let continues = run.contains { Int(table.span(field, of: Int($0 & indexMask)).length) > shared + next }
            // Texts that all end within the bytes keyed so far are equal but for their lengths (or
            // zero bytes), and a deep common run is rare: both go to the whole comparison. What is
            // left in `run` is only read for its index bits.
            guard continues, next < 256 else {
                var run = run
                for position in run.indices { run[position] &= indexMask }
                run.sort { a, b in
                    CustomerColumn.order(table.span(field, of: Int(a)), table.span(field, of: Int(b)), folded: folded, originals: originals) ?? (a < b)
                }
                return
            }
            for position in run.indices { run[position] = keyed(Int(run[position] & indexMask), at: next) }
            TextColumnOrder.quicksort(run)
            sortEqualKeys(run, keyedAt: next)
        }
    }

    /// How many leading bytes every present text of `field` has in common.
    fileprivate static func sharedPrefixLength(_ field: CustomerTable.Field, _ table: CustomerTable,
                                           start: (CustomerTable.TextSpan) -> UnsafePointer<UInt8>) -> Int {
        var first: UnsafePointer<UInt8>?
        var shared = 0
        for index in 0..<table.count {
            let span = table.span(field, of: index)
            guard !span.isNull else { continue }
            guard let first else {
                first = start(span)
                shared = Int(span.length)
                continue
            }
            shared = min(shared, Int(span.length))
            let bytes = start(span)
            var same = 0
            while same < shared, bytes[same] == first[same] { same += 1 }
            shared = same
            if shared == 0 { break }
        }
        return shared
    }

    /// `width` bytes at `bytes` as one integer, the first byte highest; zeros past `length`.
    fileprivate static func packedKey(_ bytes: UnsafePointer<UInt8>, length: Int, width: Int) -> UInt64 {
        var key: UInt64 = 0
        for offset in 0..<width {
            key = key << 8 | (offset < length ? UInt64(bytes[offset]) : 0)
        }
        return key
    }

    /// Sorts in place (no scratch buffer: the order's memory is the peak at a million customers),
    /// the two sides of the first partition on two threads.
    private static func sortInParallel(_ values: UnsafeMutableBufferPointer<UInt64>) {
        guard values.count > 16_384 else { return quicksort(values) }
        let split = partition(values)
        nonisolated(unsafe) let sides = [UnsafeMutableBufferPointer(rebasing: values[..<split]), UnsafeMutableBufferPointer(rebasing: values[(split + 1)...])]
        DispatchQueue.concurrentPerform(iterations: 2) { quicksort(sides[$0]) }
    }

    /// Values are distinct (each holds its index), so equal pivots need no care. Past `depth`
    /// partitions (an input that defeats the median of three) the rest goes to the standard sort.
    fileprivate static func quicksort(_ values: UnsafeMutableBufferPointer<UInt64>, depth: Int? = nil) {
        var values = values
        var depth = depth ?? 2 * (Int.bitWidth - values.count.leadingZeroBitCount)
        while values.count > 16 {
            guard depth > 0 else { return values.sort() }
            depth -= 1
            let split = partition(values)
            // The smaller side first by recursion, the larger in this loop: stack depth stays logarithmic.
            let left = UnsafeMutableBufferPointer(rebasing: values[..<split])
            let right = UnsafeMutableBufferPointer(rebasing: values[(split + 1)...])
            if left.count < right.count {
                quicksort(left, depth: depth)
                values = right
            } else {
                quicksort(right, depth: depth)
                values = left
            }
        }
        for position in values.indices.dropFirst() {
            let value = values[position]
            var hole = position
            while hole > 0, values[hole - 1] > value {
                values[hole] = values[hole - 1]
                hole -= 1
            }
            values[hole] = value
        }
    }

    /// Partitions around the median of the first, middle and last values; returns the pivot's final position.
    private static func partition(_ values: UnsafeMutableBufferPointer<UInt64>) -> Int {
        let last = values.count - 1, middle = last / 2
        if values[middle] < values[0] { values.swapAt(middle, 0) }
        if values[last] < values[0] { values.swapAt(last, 0) }
        if values[last] < values[middle] { values.swapAt(last, middle) }
        values.swapAt(middle, last)
        let pivot = values[last]
        var store = 0
        for position in 0..<last where values[position] < pivot {
            values.swapAt(position, store)
            store += 1
        }
        values.swapAt(store, last)
        return store
    }
}
