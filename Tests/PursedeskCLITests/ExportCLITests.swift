import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing

/// `tx export`, `audit export` and `alerts export` through the built binary against the sandbox.
@Suite struct ExportCLITests {
    let setup: SandboxCLISetup
    var sandbox: SandboxServer { setup.sandbox }
    var scratch: URL { setup.scratch }

    init() async throws {
        setup = try await SandboxCLISetup(seedCustomers: 2, scratchPrefix: "pursedesk-export")
    }

    var environment: [String: String] {
        setup.environment
    }

    func run(_ arguments: [String]) async throws -> PursedeskBinary.Result {
        try await PursedeskBinary.run(arguments, environment: environment, timeout: 300)
    }

    @Test func tenThousandDepositsMatchTheAPI() async throws {
        let hyperlink = "=HYPERLINK(\"http://example.com/x\",\"open\")"
        let created = try await run(["customer", "create", "--email", "ten@example.com", "--description", hyperlink, "--json"])
        #expect(created.status == 0, "\(created.error)")
        let customerId = try #require((try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any])?["id"] as? String)
        let currencies: [Currency] = ["ETH", "USDT_BSC", "TRX", "BTC"]
        for index in 0..<9_990 {
            _ = try await sandbox.injectDeposit(customerId: customerId, currency: currencies[index % currencies.count], pacing: .instant)
        }
        for _ in 0..<10 {
            _ = try await sandbox.injectDeposit(customerId: customerId, currency: "POL", decline: true, pacing: .instant)
        }
        let truth = Dictionary(uniqueKeysWithValues: await sandbox.state().transactions.filter { $0.customerId == customerId }.map { ($0.id, $0) })
        #expect(truth.count == 10_000)

        let fetchedPath = scratch.appendingPathComponent("fetched.csv").path
        let fetched = try await run(["tx", "export", "--customer", customerId, "--fetch", "--output", fetchedPath])
        #expect(fetched.status == 0, "\(fetched.error)")
        #expect(fetched.error.contains("wrote 10000 rows to \(fetchedPath)"))
        #expect(!fetched.error.contains("exported "), "no progress line when standard error is not a terminal")
        let table = try CSV.parse(try String(contentsOfFile: fetchedPath, encoding: .utf8))
        #expect(table.header == DepositExport.depositColumns)
        #expect(table.rows.count == 10_000)
        let byId = Dictionary(uniqueKeysWithValues: table.rows.map { ($0["transactionId"]!, $0) })
        var mismatches: [String] = []
        for (id, tx) in truth {
            guard let row = byId[id] else { mismatches.append("missing \(id)"); continue }
            if row["amount"] != tx.amount.description || row["state"] != tx.transactionState.rawValue
                || row["credited"] != String(tx.translationToAccountCompleted) || row["currency"] != tx.currency.rawValue {
                mismatches.append("\(id): \(row) vs \(tx)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        #expect(table.rows.allSatisfy { $0["customerDescription"] == "'" + hyperlink && $0["customerEmail"] == "ten@example.com" })
        #expect(table.rows.allSatisfy { $0["createdDate"]?.hasSuffix("Z") == true && CalypsoDate.parse($0["createdDate"]!) != nil })

        // The store now has them: the same rows without --fetch, and JSON says the same.
        let storedPath = scratch.appendingPathComponent("stored.json").path
        let stored = try await run(["tx", "export", "--customer", customerId, "--format", "json", "--output", storedPath])
        #expect(stored.status == 0, "\(stored.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: storedPath))) as? [[String: Any]])
        #expect(json.count == 10_000)
        #expect(json.allSatisfy { ($0["amount"] as? String) == truth[$0["transactionId"] as! String]?.amount.description })

        let declined = try await run(["tx", "export", "--customer", customerId, "--state", "declined"])
        let declinedRows = try CSV.parse(declined.output).rows
        #expect(declined.status == 0 && declinedRows.count == 10)

        // Never overwrite: the file stays as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: fetchedPath))
        let again = try await run(["tx", "export", "--customer", customerId, "--output", fetchedPath])
        #expect(again.status != 0 && again.error.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fetchedPath)) == before)

        let history = try await run(["tx", "export", "--customer", customerId, "--history", "--state", "DECLINED"])
        let historyRows = try CSV.parse(history.output)
        #expect(history.status == 0 && historyRows.header.suffix(2) == ["observedDate", "observedBy"] && historyRows.rows.count == 10)

        let audit = try await run(["audit", "export", "--since", "2020-01-01"])
        let auditRows = try CSV.parse(audit.output).rows
        #expect(audit.status == 0 && auditRows.count == 1)
        #expect(auditRows.first?["action"] == "customer.create" && auditRows.first?["target"] == customerId
                && auditRows.first?["targetEmail"] == "ten@example.com" && auditRows.first?["result"] == "succeeded")
        let alerts = try await run(["alerts", "export", "--format", "json"])
        let alertRows = try #require(try JSONSerialization.jsonObject(with: Data(alerts.output.utf8)) as? [[String: Any]])
        #expect(alertRows.filter { $0["kind"] as? String == "compliance_declined" }.count == 10)
        #expect(alertRows.allSatisfy { $0["customerEmail"] as? String == "ten@example.com" })
        #expect(try await run(["audit", "export", "--since", "last week"]).status == 64)
    }
}

/// A small RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF.
enum CSV {
    struct Table {
        var header: [String]
        var rows: [[String: String]]
    }

    static func parse(_ text: String) throws -> Table {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false, afterQuote = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        while let scalar = iterator.next() {
            if quoted {
                if scalar == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",": record.append(field); field = ""; afterQuote = false
            case "\r": afterQuote = false
            case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default: field.unicodeScalars.append(scalar); afterQuote = false
            }
        }
        guard let header = records.first else { return Table(header: [], rows: []) }
        return Table(header: header, rows: records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }
}
