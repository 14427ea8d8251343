import Foundation

/// Prints each figure next to its target as it is measured, and a summary at the end.
final class BenchReport: @unchecked Sendable {
    struct Row {
        var figure: String
        var value: String
        var target: String
        var met: Bool?
        /// The scenario's scale the figure was measured at; nil for figures that do not depend on it.
        var scale: String? = nil
    }

    private(set) var rows: [Row] = []
    private var scale: String?
    private var scales: [String] = []

    /// Figures added from now on belong to this scale (e.g. "100k/1M").
    func beginScale(_ label: String) {
        scale = label
        scales.append(label)
        write("")
        write("── scale \(label) ──")
    }

    func endScale() {
        scale = nil
        write("")
    }

    func note(_ text: String) {
        FileHandle.standardError.write(Data(("· " + text + "\n").utf8))
    }

    func add(_ figure: String, _ value: String, target: String, met: Bool?) {
        let row = Row(figure: figure, value: value, target: target, met: met, scale: scale)
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
        if scales.count > 1 { sideBySide() }
        write("")
        write("\(judged.filter { $0 }.count) of \(judged.count) targets met")
    }

    /// The figures measured at every scale, one line each with a column per scale, so growth shows.
    /// Figures are matched by name with their counts left out ("load 100k customers" ≈ "load 1000k customers").
    private func sideBySide() {
        var order: [String] = []
        var byKey: [String: (figure: String, target: String, values: [String: String])] = [:]
        var seen: [String: Int] = [:]
        for row in rows {
            guard let scale = row.scale else { continue }
            let name = Self.withoutCounts(row.figure)
            let occurrence = seen["\(scale)\u{1}\(name)", default: 0]
            seen["\(scale)\u{1}\(name)"] = occurrence + 1
            let key = "\(name)#\(occurrence)"
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = (figure: name, target: row.target, values: [:])
            }
            byKey[key]?.values[scale] = row.value + (row.met == false ? " (NOT MET)" : "")
        }
        write("")
        write("figures at each scale:")
        write("| figure | " + scales.joined(separator: " | ") + " | target |")
        write("|---|" + scales.map { _ in "---|" }.joined() + "---|")
        for key in order {
            guard let entry = byKey[key] else { continue }
            write("| \(entry.figure) | " + scales.map { entry.values[$0] ?? "—" }.joined(separator: " | ") + " | \(entry.target) |")
        }
    }

    /// "load 100000 customers, 100k/1M store" → "load N customers, N store" (p99, 60 s stay).
    static func withoutCounts(_ figure: String) -> String {
        figure.replacingOccurrences(of: #"\d[\d,.]*[kM](/\d[\d,.]*[kM])?|\d[\d,]{3,}"#, with: "N", options: .regularExpression)
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
