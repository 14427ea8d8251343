import CalypsoAPI
import Foundation
import GRDB

/// A customer's deposits as a file: one row per deposit with its latest state, or with
/// `history` one row per state pursedesk observed. Reads the store, or with `fetch` pages
/// through `transaction/find` (recording what it gets), writing each page as it arrives.
public struct DepositExport: Sendable {
    public var customerId: String
    public var filter: ExportFilter
    public var history: Bool

    public init(customerId: String, filter: ExportFilter = ExportFilter(), history: Bool = false) {
        self.customerId = customerId
        self.filter = filter
        self.history = history
    }

    public static let depositColumns = [
        "transactionId", "createdDate", "customerId", "customerEmail", "customerExternalId", "customerDescription", "currency", "amount",
        "state", "stateLabel", "complianceState", "credited", "transactionHash", "address", "addressFrom", "purseId",
    ]
    public static let historyColumns = depositColumns + ["observedDate", "observedBy"]

    public var columns: [String] { history ? Self.historyColumns : Self.depositColumns }

    /// Writes every matching stored deposit; returns the number of rows.
    @discardableResult
    public func writeFromStore(_ store: DeskStore, to writer: TableWriter,
                               progress: (ExportProgress) -> Void = { _ in }) throws -> Int {
        let customer = try store.customer(id: customerId)
        var sql = "SELECT * FROM deposit WHERE customerId = ?"
        var arguments: [(any DatabaseValueConvertible)?] = [customerId]
        if let since = filter.since { sql += " AND createdAt >= ?"; arguments.append(since.timeIntervalSince1970) }
        if let until = filter.until { sql += " AND createdAt < ?"; arguments.append(until.timeIntervalSince1970) }
        if let state = filter.state { sql += " AND state = ?"; arguments.append(state.rawValue) }
        sql += " ORDER BY createdAt, id"
        let expected = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: StatementArguments(arguments)) ?? 0
        }
        try store.pool.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                try write(DeskStore.transactionRecord(row), customer: customer, db: db, to: writer)
                if writer.rowCount % 500 == 0 { progress(ExportProgress(rows: writer.rowCount, expected: history ? nil : expected)) }
            }
        }
        progress(ExportProgress(rows: writer.rowCount, expected: history ? nil : expected))
        return writer.rowCount
    }

    /// Pages through the API (oldest first, 500 a page), records each page in the store and
    /// writes its rows; memory holds one page at a time.
    @discardableResult
    public func writeFetching(from api: some SyncAPI, store: DeskStore, to writer: TableWriter,
                              progress: (ExportProgress) -> Void = { _ in }) async throws -> Int {
        var page = 0
        var pages = 1
        while page < pages {
            let request = TransactionFindRequest(
                customerId: customerId, transactionStateFilter: filter.state.map { StringFilter(equals: $0.rawValue) },
                pageNumber: page, pageSize: Self.pageSize, sort: .asc, properties: "createdDate")
            let answer = try await api.findTransactions(request)
            pages = answer.total
            let kept = answer.result.filter { filter.keeps($0.createdDate) && (filter.state == nil || $0.transactionState == filter.state) }
            try store.apply(answer.result.map { TransactionObservation($0, customerId: customerId) }, source: .poll)
            try writeFetchedPage(kept, store: store, to: writer)
            progress(ExportProgress(rows: writer.rowCount, expected: history ? nil : Int(answer.totalElements)))
            if answer.result.isEmpty { break }
            if let until = filter.until, let last = answer.result.last?.createdDate, last >= until { break }
            page += 1
        }
        return writer.rowCount
    }

    private func writeFetchedPage(_ page: [Transaction], store: DeskStore, to writer: TableWriter) throws {
        let customer = try store.customer(id: customerId)
        try store.pool.read { db in
            for tx in page {
                var record = try DeskStore.fetchTransaction(db, id: tx.id) ?? TransactionRecord(fetched: tx, customerId: customerId)
                // The API's answer is the latest word on this deposit's amount and state.
                record.amount = tx.amount.description
                try write(record, customer: customer, db: db, to: writer)
            }
        }
    }

    private func write(_ record: TransactionRecord, customer: CustomerSummary?, db: Database, to writer: TableWriter) throws {
        let base: [ExportValue] = [
            .text(record.id), TableWriter.time(record.createdAt), .text(record.customerId ?? customerId), .text(customer?.email),
            .text(customer?.externalId), .text(customer?.description), .text(record.currency), .text(record.amount),
            .text(record.state.rawValue), .text(record.state.label), .text(record.compliance.rawValue), .bool(record.credited),
            .text(record.hash), .text(record.address), .text(record.addressFrom), .text(record.purseId),
        ]
        guard history else { return try writer.write(base) }
        let changes = try Row.fetchCursor(db, sql: "SELECT * FROM deposit_state WHERE transactionId = ? ORDER BY seq", arguments: [record.id])
        while let change = try changes.next() {
            let state = TransactionState(change["state"] as String)
            var row = base
            row[8] = .text(state.rawValue)
            row[9] = .text(state.label)
            row[10] = .text(change["compliance"] as String)
            row[11] = .bool(change["credited"])
            try writer.write(row + [TableWriter.time(Date(storeValue: change["observedAt"])), .text(change["source"] as String)])
        }
    }

    static let pageSize = 500

    /// Writes the stored deposits as CSV to a new file in `directory` (`deposits-<who>-<date>.csv`,
    /// `-2`, `-3`… when taken; never overwriting). Returns the file and the number of rows.
    public func writeNewFile(from store: DeskStore, in directory: URL, now: Date = Date()) throws -> (path: String, rows: Int) {
        let who = try store.customer(id: customerId)?.email ?? String(customerId.prefix(8))
        let safe = String(who.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" || $0 == "@" ? $0 : "_" })
        let stem = "deposits-\(safe)-\(CalypsoDate.format(now).prefix(10))"
        let sink = try ExportSink.newFile(in: directory, stem: stem, format: .csv)
        let writer = try TableWriter(format: .csv, columns: columns, sink: sink)
        let rows = try writeFromStore(store, to: writer)
        try writer.finish()
        return (sink.path ?? directory.path, rows)
    }
}

extension TransactionRecord {
    init(fetched tx: Transaction, customerId: String) {
        self.init(id: tx.id, customerId: tx.customerId ?? customerId, purseId: tx.purseId, address: tx.address,
                  currency: tx.currency.rawValue, amount: tx.amount.description, addressFrom: tx.addressFrom, hash: tx.transactionHash,
                  state: tx.transactionState, compliance: tx.complianceState, credited: tx.translationToAccountCompleted,
                  createdAt: tx.createdDate, firstSeenAt: Date(), updatedAt: Date())
    }
}

extension DeskStore {
    static func fetchTransaction(_ db: Database, id: String) throws -> TransactionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM deposit WHERE id = ?", arguments: [id]).map(transactionRecord)
    }
}
