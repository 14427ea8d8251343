/// How much of a row or column a layout slot takes.
public enum SizeSpec: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// At least `min` cells, plus a `weight`-proportional share of what is left.
    case flexible(min: Int, weight: Int = 1)
    /// This fraction (0...1) of the total.
    case fraction(Double)

    /// Sizes for `specs` within `total` cells separated by `spacing`.
    /// Fixed and fractional slots are served first, then flexible minimums, then the remainder
    /// goes to flexible slots; when space runs out, later slots shrink first.
    public static func resolve(_ specs: [SizeSpec], total: Int, spacing: Int = 0) -> [Int] {
        guard !specs.isEmpty else { return [] }
        let available = max(0, total - spacing * (specs.count - 1))
        var sizes = specs.map { spec -> Int in
            switch spec {
            case .fixed(let n): max(0, n)
            case .fraction(let f): max(0, Int((Double(total) * f).rounded(.down)))
            case .flexible(let minimum, _): max(0, minimum)
            }
        }
        var remaining = available - sizes.reduce(0, +)
        if remaining < 0 {
            for index in sizes.indices.reversed() where remaining < 0 {
                let cut = min(sizes[index], -remaining)
                sizes[index] -= cut
                remaining += cut
            }
            return sizes
        }
        let weights = specs.map { spec -> Int in
            if case .flexible(_, let weight) = spec { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var handedOut = 0
        for index in sizes.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            sizes[index] += share
            handedOut += share
        }
        if let last = weights.lastIndex(where: { $0 > 0 }) {
            sizes[last] += remaining - handedOut
        }
        return sizes
    }
}
