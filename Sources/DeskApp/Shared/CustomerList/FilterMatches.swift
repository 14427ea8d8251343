import DeskModel
import Foundation
/// The customers the current filter accepts. A longer filter re-checks only those (an extended
/// term from where the shorter one matched); a filter typed before, as when backspacing, gets its
/// earlier result back.
struct FilterMatches: Sendable {
    enum Change {
        case unchanged, narrowed, replaced
    }

    private(set) var filter = CustomerFilter("")
    private(set) var accepted: Bitmap
    /// For every accepted customer, a lower bound (saturated) for where `startsTerm` first matches.
    private var starts: [UInt16]
    private var startsTerm: (index: Int, term: CustomerFilter.Term)?
    private var earlier: [(filter: CustomerFilter, accepted: Bitmap)] = []
    private static let remembered = 32

    init(count: Int) {
        accepted = Bitmap(count: count, filled: true)
        starts = Array(repeating: 0, count: count)
    }

    mutating func set(_ next: CustomerFilter, search: CustomerSearchIndex, blocked: BlockStates) -> Change {
        defer { filter = next }
        if next.terms == filter.terms { return .unchanged }
        if let found = earlier.lastIndex(where: { $0.filter.terms == next.terms }) {
            accepted = earlier[found].accepted
            earlier.removeSubrange(found...)
            startsTerm = nil
            return .replaced
        }
        earlier.append((filter, accepted))
        if earlier.count > Self.remembered { earlier.removeFirst() }
        let narrowing = next.narrows(filter)
        if !narrowing { accepted = Bitmap(count: accepted.count, filled: true) }
        for (index, term) in next.terms.enumerated() where !narrowing || index >= filter.terms.count || filter.terms[index] != term {
            let resume = narrowing && startsTerm.map { $0.index == index && term.narrows($0.term) } == true
            keep(term, recordingStarts: index == next.terms.count - 1 ? index : nil, resume: resume, search: search, blocked: blocked)
        }
        if let kept = startsTerm, kept.index >= next.terms.count || next.terms[kept.index] != kept.term { startsTerm = nil }
        return narrowing ? .narrowed : .replaced
    }

    /// Re-checks every customer after all of them were replaced.
    mutating func rescan(search: CustomerSearchIndex, blocked: BlockStates) {
        let current = filter
        self = FilterMatches(count: search.count)
        _ = set(current, search: search, blocked: blocked)
        earlier = []
    }

    /// Re-checks customers that changed or were added (`index >= accepted.count`).
    mutating func update(_ changed: [Int], search: CustomerSearchIndex, blocked: BlockStates) {
        for index in changed {
            if index >= accepted.count {
                starts.append(0)
                accepted.append(false)
                for entry in earlier.indices { earlier[entry].accepted.append(false) }
            }
            starts[index] = 0
            accepted[index] = Self.accepts(filter, index, search: search, blocked: blocked[index])
            for entry in earlier.indices {
                earlier[entry].accepted[index] = Self.accepts(earlier[entry].filter, index, search: search, blocked: blocked[index])
            }
        }
    }

    private static func accepts(_ filter: CustomerFilter, _ index: Int, search: CustomerSearchIndex, blocked: BlockState) -> Bool {
        filter.terms.allSatisfy { $0.match(index, in: search, pattern: search.pattern($0.needle, mask: $0.mask), blocked: blocked) != nil }
    }

    private mutating func keep(_ term: CustomerFilter.Term, recordingStarts termIndex: Int?, resume: Bool, search: CustomerSearchIndex,
                               blocked: BlockStates) {
        var kept = Bitmap(count: accepted.count, filled: false)
        let pattern = search.pattern(term.needle, mask: term.mask)
        let accepted = accepted
        let recording = termIndex != nil
        let chunks = ScanChunks(wordCount: accepted.wordCount)
        starts.withUnsafeMutableBufferPointer { starts in
            kept.withUnsafeMutableWords { keptWords in
                // Each chunk reads and writes only its own words of `kept` and its own customers' `starts`.
                chunks.forEach { words in
                    accepted.forEachSet(inWords: words) { index in
                        let from = resume ? Int(starts[index]) : 0
                        guard let found = term.match(index, in: search, pattern: pattern, blocked: blocked[index], from: from) else { return }
                        keptWords[index >> 6] |= 1 << UInt64(index & 63)
                        if recording { starts[index] = UInt16(clamping: found) }
                    }
                }
            }
        }
        self.accepted = kept
        if let termIndex { startsTerm = (termIndex, term) }
    }
}

/// A scan over a bitmap's words split into ranges that run on all cores at once, for lists large
/// enough that the split pays (a one-letter filter over a million customers is about 50 ms on one core).
struct ScanChunks {
    /// Words (of 64 customers) in a chunk at least: 16,384 customers.
    static let minimumWords = 256
    let wordCount: Int
    let count: Int

    init(wordCount: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.wordCount = wordCount
        // A few chunks per core, so a core that the machine's other work slows down does not hold up the rest.
        count = max(1, min(wordCount / Self.minimumWords, cores * 4))
    }

    func words(ofChunk chunk: Int) -> Range<Int> {
        (wordCount * chunk / count)..<(wordCount * (chunk + 1) / count)
    }

    func forEach(_ body: (Range<Int>) -> Void) {
        if count == 1 {
            body(0..<wordCount)
        } else {
            // The chunks touch disjoint words and customers (the caller's promise), so sharing `body` is safe.
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { body(words(ofChunk: $0)) }
            }
        }
    }
}
