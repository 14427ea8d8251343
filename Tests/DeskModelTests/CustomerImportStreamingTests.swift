import CalypsoAPI
import DeskModel
import Foundation
import Testing

/// The import reads its file in chunks: every record must come out the same wherever the chunk
/// boundaries fall, and a bad row anywhere must leave the store as it was.
@Suite struct CustomerImportStreamingTests {
    /// BOM, CRLF, a quoted field with the delimiter and doubled quotes in it, multi-byte UTF-8,
    /// an empty line, a lone CR ending a record, and no line break at the end.
    static let tricky = "\u{FEFF}id,email,externalId,description\r\n"
        + "3fa85f64-5717-4562-b3fc-2c963f66afa6,ann@example.com,ext-1,\"Ann, \"\"VIP\"\"\"\r\n"
        + "\r\n"
        + "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,,\"貴賓 ₮\",plain\r"
        + "7a1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,bob@example.com,\"\",\"\"\"quoted\"\"\""

    static let expected: [CustomerSummary] = [
        CustomerSummary(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", email: "ann@example.com", externalId: "ext-1",
                        description: "Ann, \"VIP\"", origin: .imported),
        CustomerSummary(id: "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d", email: nil, externalId: "貴賓 ₮", description: "plain", origin: .imported),
        CustomerSummary(id: "7a1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d", email: "bob@example.com", externalId: nil, description: "\"quoted\"",
                        origin: .imported),
    ]

    func write(_ text: String) throws -> URL {
        let file = try temporaryDirectory("csv").appendingPathComponent("customers.csv")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7, 13, 64, 1 << 20])
    func everyChunkSizeReadsTheSameRecords(chunkSize: Int) throws {
        let file = try write(Self.tricky)
        let store = try temporaryStore()
        var last: CustomerImport.Progress?
        let outcome = try CustomerImport.run(file: file, into: store, chunkSize: chunkSize) { last = $0 }
        #expect(outcome == CustomerImport.Outcome(added: 3, updated: 0))
        #expect(try store.customerSummaries() == Self.expected)
        #expect(last == CustomerImport.Progress(bytesRead: Self.tricky.utf8.count, totalBytes: Self.tricky.utf8.count, rows: 3))
    }

    @Test(arguments: [1, 3, 1 << 20])
    func linesAreCountedAcrossChunksAndQuotedLineBreaks(chunkSize: Int) throws {
        // A line break inside quotes is part of the field (and refused there), yet still counted.
        let file = try write(Self.tricky + "\r\n8b1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,,,\"two\r\nlines\"\r\nnope,x@y.z,,\r\n")
        let store = try temporaryStore()
        #expect(throws: CustomerImport.Failure.badRows([
            .init(line: 6, message: "contains control characters"), .init(line: 8, message: "id \"nope\" is not a UUID"),
        ])) {
            try CustomerImport.run(file: file, into: store, chunkSize: chunkSize)
        }
        #expect(try store.customerSummaries().isEmpty)
    }

    @Test func aBadRowAtTheEndRollsBackEveryRowBeforeIt() throws {
        let store = try temporaryStore()
        let known = "00000000-0000-4000-8000-000000000001"
        try store.upsertCustomer(Customer(id: known, email: "kept@example.com", blocked: true), origin: .created)
        var text = "id,email\n\(known),changed@example.com\n"
        for index in 0..<5000 { text += String(format: "%08x-0000-4000-8000-%012x,c%d@example.com\n", index + 16, index, index) }
        text += "00000010-0000-4000-8000-000000000000,not an email\n"
        let file = try write(text)
        #expect {
            try CustomerImport.run(file: file, into: store, chunkSize: 4096)
        } throws: { error in
            error as? CustomerImport.Failure == .badRows([.init(line: 5003, message: "email \"not an email\" is not an address")])
        }
        let customers = try store.customerSummaries()
        #expect(customers.map(\.id) == [known])
        #expect(customers.first?.email == "kept@example.com")
    }

    @Test func aDuplicateFarApartNamesTheFirstLine() throws {
        var text = "id\n"
        for index in 0..<3000 { text += String(format: "%08x-0000-4000-8000-000000000000\n", index) }
        text += "00000002-0000-4000-8000-000000000000\n"
        let store = try temporaryStore()
        #expect(throws: CustomerImport.Failure.badRows([
            .init(line: 3002, message: "id 00000002-0000-4000-8000-000000000000 already appears on line 4"),
        ])) {
            try CustomerImport.run(file: try write(text), into: store, chunkSize: 1000)
        }
        #expect(try store.customerSummaries().isEmpty)
    }

    @Test func bytesThatAreNotUTF8NameTheirLine() throws {
        let directory = try temporaryDirectory("csv")
        let file = directory.appendingPathComponent("latin1.csv")
        try Data("id,description\n3fa85f64-5717-4562-b3fc-2c963f66afa6,caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: file)
        #expect(throws: CustomerImport.Failure.badRows([
            .init(line: 2, message: "not UTF-8 text (in a spreadsheet, save the file as \"CSV UTF-8\")"),
        ])) {
            try CustomerImport.run(file: file, into: try temporaryStore(), chunkSize: 5)
        }
    }

    @Test func manyBadRowsAreCountedBeyondThoseListed() throws {
        var text = "id\n"
        for index in 0..<1500 { text += "bad\(index)\n" }
        #expect {
            try CustomerImport.run(file: try write(text), into: try temporaryStore())
        } throws: { error in
            guard case .badRows(let problems, let more) = error as? CustomerImport.Failure else { return false }
            return problems.count == 1000 && more == 500 && problems.first?.line == 2
                && "\(error)".hasPrefix("nothing imported; 1500 bad rows:") && "\(error)".hasSuffix("… and 1450 more")
        }
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: CustomerImport.Failure.self) {
            try CustomerImport.run(file: URL(fileURLWithPath: "/nonexistent/customers.csv"), into: try temporaryStore())
        }
    }
}
