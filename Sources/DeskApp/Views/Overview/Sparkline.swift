import Foundation

/// Values as bars ▁▂▃▄▅▆▇█, scaled to the largest; a value of zero is a blank.
enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` (oldest first) summed into `width` buckets, the newest at the right.
    static func render(_ values: [Double], width: Int) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        var buckets = [Double](repeating: 0, count: min(width, values.count))
        for (index, value) in values.enumerated() {
            buckets[index * buckets.count / values.count] += value
        }
        let largest = buckets.max() ?? 0
        guard largest > 0 else { return String(repeating: " ", count: buckets.count) }
        return String(buckets.map { value in
            guard value > 0 else { return " " }
            return bars[min(bars.count - 1, Int((value / largest * Double(bars.count)).rounded(.up)) - 1)]
        })
    }
}
