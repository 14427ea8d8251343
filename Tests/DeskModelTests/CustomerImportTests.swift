import CalypsoAPI
import DeskModel
import Foundation
import Testing

@Suite struct CustomerImportTests {
    let good = #"""
        id,email,externalId,description
        3fa85f64-5717-4562-b3fc-2c963f66afa6,ann@example.com,ext-1,"Ann, VIP"
        6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,,ext-2,"says ""hi"""

        """#

    @Test func importsAGoodFile() throws {
        let customers = try CustomerImport.parse(good)
        #expect(customers.map(\.email) == ["ann@example.com", nil])
        #expect(customers.map(\.description) == ["Ann, VIP", "says \"hi\""])
        let store = try temporaryStore()
        #expect(try store.importCustomers(customers) == CustomerImport.Outcome(added: 2, updated: 0))
        #expect(try store.importCustomers(customers) == CustomerImport.Outcome(added: 0, updated: 2))
    }

    @Test func badRowsAreReportedByLineAndNothingIsImported() throws {
        let directory = try temporaryDirectory("csv")
        let file = directory.appendingPathComponent("customers.csv")
        try """
            id,email,externalId,description
            3fa85f64-5717-4562-b3fc-2c963f66afa6,ann@example.com,ext-1,ok
            not-a-uuid,bob@example.com,ext-2,bad id
            6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,not an email,ext-3,bad email
            3fa85f64-5717-4562-b3fc-2c963f66afa6,dup@example.com,ext-4,duplicate
            7a1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d,too,many,fields,here
            """.write(to: file, atomically: true, encoding: .utf8)
        let store = try DeskStore.open(dataDirectory: directory, account: "0xa")
        #expect {
            try CustomerImport.run(file: file, into: store)
        } throws: { error in
            guard case .badRows(let problems, _) = error as? CustomerImport.Failure else { return false }
            return problems.map(\.line) == [3, 4, 5, 6] && problems[2].message.contains("line 2")
        }
        #expect(try store.customerSummaries().isEmpty)
    }

    @Test func headerAndQuotingProblems() {
        #expect(throws: CustomerImport.Failure.badRows([.init(line: 1, message: "the header needs an id column (columns: id,email,externalId,description)")])) {
            try CustomerImport.parse("email\nx@y.z\n")
        }
        #expect(throws: CustomerImport.Failure.badRows([.init(line: 2, message: "a quoted field is never closed")])) {
            try CustomerImport.parse("id\n\"3fa85f64\n")
        }
        #expect(throws: CustomerImport.Failure.unreadable("the file is empty; expected a header: id,email,externalId,description")) {
            try CustomerImport.parse("")
        }
    }

    /// What Excel writes under "CSV UTF-8" in locales whose decimal separator is a comma.
    static let excelSemicolon = "\u{FEFF}id;email;externalId;description\r\n"
        + "3fa85f64-5717-4562-b3fc-2c963f66afa6;ann@example.com;ext-1;\"Ann; VIP, \"\"gold\"\"\"\r\n"
        + "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d;;ext-2;\";;\"\r\n"

    @Test func semicolonCSVAsExcelWritesIt() throws {
        let customers = try CustomerImport.parse(Self.excelSemicolon)
        #expect(customers.map(\.id) == ["3fa85f64-5717-4562-b3fc-2c963f66afa6", "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d"])
        #expect(customers.map(\.email) == ["ann@example.com", nil])
        #expect(customers.map(\.externalId) == ["ext-1", "ext-2"])
        #expect(customers.map(\.description) == ["Ann; VIP, \"gold\"", ";;"])
    }

    @Test func tabsAndExcelsSeparatorLine() throws {
        let tabs = try CustomerImport.parse("id\temail\n3fa85f64-5717-4562-b3fc-2c963f66afa6\tann@example.com\n")
        #expect(tabs.map(\.email) == ["ann@example.com"])
        let hinted = try CustomerImport.parse("sep=;\r\nid;description\r\n3fa85f64-5717-4562-b3fc-2c963f66afa6;a, b\r\n")
        #expect(hinted.map(\.description) == ["a, b"])
        #expect(throws: CustomerImport.Failure.badRows([.init(line: 3, message: "id \"nope\" is not a UUID")])) {
            try CustomerImport.parse("sep=;\r\nid;description\r\nnope;x\r\n")
        }
    }

    @Test func semicolonErrorsStillNameTheLine() {
        let text = "\u{FEFF}id;email\r\n3fa85f64-5717-4562-b3fc-2c963f66afa6;\"multi\r\nline@x.y\"\r\nnope;a@b.co\r\n"
            + "6f1c2d3e-1111-4a2b-8c3d-4e5f6a7b8c9d;a@b.co;extra\r\n"
        #expect(throws: CustomerImport.Failure.badRows([
            .init(line: 2, message: "email \"multi\r\nline@x.y\" is not an address"),
            .init(line: 4, message: "id \"nope\" is not a UUID"),
            .init(line: 5, message: "3 fields, expected 2"),
        ])) {
            try CustomerImport.parse(text)
        }
    }

    @Test func importKeepsTheBlockedFlag() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", blocked: true), origin: .created)
        _ = try store.importCustomers(try CustomerImport.parse(good))
        #expect(try store.customer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6")?.blocked == true)
    }
}
