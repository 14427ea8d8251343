import Foundation

/// `pursedesk customer import` of a generated CSV into a new store, as a user runs it: the
/// release binary in its own process, timed from start to exit, with its peak resident memory.
enum ImportBenchmark {
    /// The goal: a million rows in 30 s; smaller files in proportion.
    static func targetSeconds(rows: Int) -> Double { 30 * Double(rows) / 1_000_000 }

    static func run(binary: URL, rows: Int, home: URL, report: BenchReport) throws {
        let directory = home.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("customers.csv")
        report.note("import: writing a CSV of \(rows) customers")
        let bytes = try writeCSV(rows: rows, to: file)
        report.note(String(format: "import: pursedesk customer import of %.0f MB", Double(bytes) / 1_048_576))
        var environment = TerminalBenchmarks.offlineEnvironment(dataDirectory: directory, home: directory)
        environment["CALYPSO_ACCOUNT"] = StoreScenario.account
        let finished = try ChildProcess.run(
            [binary.path, "customer", "import", "--data-dir", directory.appendingPathComponent("data").path, file.path],
            environment: environment, scratch: directory)
        let label = StoreScenario.Built.short(rows)
        guard finished.status == 0 else {
            report.add("customer import of a \(label)-row CSV", "failed (exit \(finished.status)): \(finished.standardError.prefix(200))",
                       target: "—", met: false)
            return
        }
        let target = targetSeconds(rows: rows)
        report.add("customer import of a \(label)-row CSV into a new store",
                   String(format: "%.1f s (CPU %.1f s), %.0f rows/s, %.0f MB", finished.seconds, finished.cpuSeconds,
                          Double(rows) / finished.seconds, Double(bytes) / 1_048_576),
                   target: String(format: "≤ %.1f s", target), met: finished.seconds <= target)
        report.add("peak RSS of that import", String(format: "%.1f MB", Double(finished.peakRSSBytes) / 1_048_576),
                   target: "flat (streamed)", met: nil)
    }

    /// id,email,externalId,description with every kind of field a spreadsheet writes: quoted
    /// fields with the delimiter and doubled quotes in them, non-ASCII text, empty fields.
    static func writeCSV(rows: Int, to file: URL) throws -> Int {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var chunk = "id,email,externalId,description\r\n"
        var written = 0
        for index in 0..<rows {
            let description = index % 97 == 0 ? "\"VIP, 貴賓 \"\"gold\"\"\"" : index % 5 == 0 ? "" : "desk \(index % 13)"
            chunk += "\(StoreScenario.uuid(3, index)),customer\(index)@example.com,EXT-\(100_000 + index),\(description)\r\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                written += chunk.utf8.count
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
        return written + chunk.utf8.count
    }
}
