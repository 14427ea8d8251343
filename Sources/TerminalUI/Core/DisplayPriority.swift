/// How much a part of a line matters when the width runs short: a table column, a header item, a
/// key hint. Parts that do not fit are left out whole, the least important first and, of equal
/// ones, the rightmost first, so what a person needs is the last to go and nothing is cut in half.
public enum DisplayPriority: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// Nice to have: the first to go.
    case optional
    /// Helps, but the line reads without it.
    case useful
    /// Expected by most people looking at it.
    case important
    /// What the line is for: the last to go.
    case essential

    public static func < (lhs: DisplayPriority, rhs: DisplayPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The indices (in order) of the parts that fit in `total` cells with `spacing` between
    /// neighbours. Parts are left out whole, lowest priority first and rightmost first among equals,
    /// until the rest fits; at least one part is kept.
    public static func fitting(widths: [Int], priorities: [DisplayPriority], spacing: Int, total: Int) -> [Int] {
        precondition(widths.count == priorities.count, "one priority per part")
        var shown = Array(widths.indices)
        var needed = widths.reduce(0, +) + spacing * max(0, widths.count - 1)
        while shown.count > 1, needed > total {
            let lowest = shown.map { priorities[$0] }.min()!
            let position = shown.lastIndex { priorities[$0] == lowest }!
            needed -= widths[shown[position]] + spacing
            shown.remove(at: position)
        }
        return shown
    }
}
