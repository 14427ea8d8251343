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
            guard case .badRows(let problems) = error as? CustomerImport.Failure else { return false }
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

    @Test func importKeepsTheBlockedFlag() throws {
        let store = try temporaryStore()
        try store.upsertCustomer(Customer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", blocked: true), origin: .created)
        _ = try store.importCustomers(try CustomerImport.parse(good))
        #expect(try store.customer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6")?.blocked == true)
    }
}
