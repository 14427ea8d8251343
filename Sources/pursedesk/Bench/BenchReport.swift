import Foundation

/// Prints each figure next to its target as it is measured, and a summary at the end.
final class BenchReport: @unchecked Sendable {
    struct Row {
        var figure: String
        var value: String
        var target: String
        var met: Bool?
    }

    private(set) var rows: [Row] = []

    func note(_ text: String) {
        FileHandle.standardError.write(Data(("· " + text + "\n").utf8))
    }

    func add(_ figure: String, _ value: String, target: String, met: Bool?) {
        let row = Row(figure: figure, value: value, target: target, met: met)
        rows.append(row)
        write(line(row))
    }

    /// Written at once, so a long run shows each figure as soon as it is known.
    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func line(_ row: Row) -> String {
        let mark = row.met.map { $0 ? "met" : "NOT MET" } ?? "info"
        return "\(row.figure.padding(toLength: 66, withPad: " ", startingAt: 0)) \(row.value.padding(toLength: 34, withPad: " ", startingAt: 0)) target \(row.target.padding(toLength: 16, withPad: " ", startingAt: 0)) \(mark)"
    }

    func summary() {
        let judged = rows.compactMap(\.met)
        write("")
        write("\(judged.filter { $0 }.count) of \(judged.count) targets met")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}
