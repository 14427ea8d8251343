import CalypsoAPI
@testable import DeskModel
import Foundation
import Testing

@Suite struct ExportWriterTests {
    func export(_ format: ExportFormat, _ rows: [[ExportValue]], columns: [String] = ["a", "b"]) throws -> String {
        let path = try temporaryDirectory("export").appendingPathComponent("out.\(format.fileExtension)").path
        let writer = try TableWriter(format: format, columns: columns, sink: try ExportSink.newFile(path))
        for row in rows { try writer.write(row) }
        try writer.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func csvQuotesWhatNeedsQuotingAndNeutralisesFormulas() throws {
        let text = try export(.csv, [
            [.text("plain"), .text("with, comma")],
            [.text("say \"hi\""), .text("two\nlines")],
            [.text("=HYPERLINK(\"http://evil\",\"x\")"), .text("+1")],
            [.text("-2"), .text("@SUM(A1)")],
            [.text("\tTab"), .text("\rCR")],
            [.text(nil), .bool(true)],
            [.text("0.000000012345678901"), .integer(42)],
        ])
        #expect(text == """
            a,b\r
            plain,"with, comma"\r
            "say ""hi\""","two
            lines"\r
            "'=HYPERLINK(""http://evil"",""x"")",'+1\r
            '-2,'@SUM(A1)\r
            '\tTab,"'\rCR"\r
            ,true\r
            0.000000012345678901,42\r

            """)
    }

    @Test func jsonIsOneArrayOfObjectsWithTheHeaderKeys() throws {
        let text = try export(.json, [[.text("x\"\u{1}"), .bool(false)], [.text(nil), .integer(7)]])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0]["a"] as? String == "x\"\u{1}" && parsed[0]["b"] as? Bool == false)
        #expect(parsed[1]["a"] is NSNull && parsed[1]["b"] as? Int == 7)
        #expect(try export(.json, []) == "[]\n")
    }

    @Test func neverOverwrites() throws {
        let directory = try temporaryDirectory("export-exists")
        let taken = directory.appendingPathComponent("deposits.csv")
        try "keep me".write(to: taken, atomically: true, encoding: .utf8)
        #expect(throws: ExportSink.Failure.exists(taken.path)) { try ExportSink.newFile(taken.path) }
        #expect(try String(contentsOf: taken, encoding: .utf8) == "keep me")
        let next = try ExportSink.newFile(in: directory, stem: "deposits", format: .csv)
        #expect(next.path == directory.appendingPathComponent("deposits-2.csv").path)
        try next.close()
    }

    @Test func dates() {
        #expect(ExportFilter.parseDate("2026-12-01") == CalypsoDate.parse("2026-12-01T00:00:00Z"))
        #expect(ExportFilter.parseDate("2026-12-01", endOfDay: true) == CalypsoDate.parse("2026-12-02T00:00:00Z"))
        #expect(ExportFilter.parseDate("2026-12-01T08:30:00Z") == CalypsoDate.parse("2026-12-01T08:30:00.000Z"))
        #expect(ExportFilter.parseDate("yesterday") == nil)
        #expect(ExportFilter.parseDate("12/01/2026") == nil)
    }

    @Test func storeExportWithHistoryAndFilters() throws {
        let store = try temporaryStore()
        try store.apply([observation("t1", state: .memPoolFound)], source: .poll)
        try store.apply([observation("t1", state: .confirmed, credited: true), observation("t2", state: .declined, amount: "0.10")],
                        source: .webhook)
        let path = try temporaryDirectory("history").appendingPathComponent("h.csv").path
        let writer = try TableWriter(format: .csv, columns: DepositExport.historyColumns, sink: try ExportSink.newFile(path))
        #expect(try DepositExport(customerId: "c1", history: true).writeFromStore(store, to: writer) == 3)
        try writer.finish()
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines[1].contains("MEM_POOL_FOUND,MEMPOOL") && lines[1].hasSuffix(",poll"))
        #expect(lines[2].contains("CONFIRMED,CONFIRMED,CHECKED,true") && lines[2].hasSuffix(",webhook"))

        let declinedPath = try temporaryDirectory("declined").appendingPathComponent("d.csv").path
        let declined = try TableWriter(format: .csv, columns: DepositExport.depositColumns, sink: try ExportSink.newFile(declinedPath))
        let job = DepositExport(customerId: "c1", filter: ExportFilter(state: .declined))
        #expect(try job.writeFromStore(store, to: declined) == 1)
        try declined.finish()
        #expect(try String(contentsOfFile: declinedPath, encoding: .utf8).contains("t2,"))
        #expect(try String(contentsOfFile: declinedPath, encoding: .utf8).contains(",0.10,"))
    }

    @Test func theDashboardExportPicksANewFileEachTime() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "c1", email: "ann@example.com", blocked: false), origin: .created)
        try store.apply([observation("t1", state: .confirmed)], source: .poll)
        let directory = try temporaryDirectory("dashboard-export")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try DepositExport(customerId: "c1").writeNewFile(from: store, in: directory, now: now)
        let second = try DepositExport(customerId: "c1").writeNewFile(from: store, in: directory, now: now)
        #expect(first.rows == 1 && first.path.hasSuffix("/deposits-ann@example.com-2027-01-15.csv"))
        #expect(second.path.hasSuffix("/deposits-ann@example.com-2027-01-15-2.csv"))
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == String(contentsOfFile: second.path, encoding: .utf8))
    }
}
