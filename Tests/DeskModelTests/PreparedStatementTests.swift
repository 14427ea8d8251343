import CalypsoAPI
import CalypsoSandbox
@testable import DeskModel
import Foundation
import GRDB
import Testing

/// The statements a refresh runs are prepared once per connection (GRDB cached statements) and
/// reused by every later refresh: after several refreshes against the sandbox, each statement
/// they ran is still held prepared by its connection. One compiled afresh and finalized after use
/// (`db.execute(sql:)`, `fetchAll(db, sql:)`) would be missing.
@Suite struct PreparedStatementTests {
    @Test func everyStatementOfARefreshStaysPreparedOnItsConnection() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 20
        configuration.timeScale = 20
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let store = try temporaryStore("prepared")
        let customers = await sandbox.state().customers
        _ = try store.importCustomers(customers)
        let engine = SyncEngine(api: CalypsoClient(credentials: sandbox.credentials), store: store, events: EventHub(),
                                settings: SyncSettings(refreshInterval: .seconds(1)))
        func refreshWithNewDeposits(_ round: Int) async throws {
            for index in 0..<3 {
                try await sandbox.injectDeposit(customerId: customers[(round * 3 + index) % customers.count].id, currency: "ETH")
            }
            #expect(await engine.refreshOnce())
        }
        for round in 0..<2 { try await refreshWithNewDeposits(round) }

        // The refreshes run one store call at a time, so reads use the pool's first reader.
        let ran = Locked<Set<String>>([])
        try Self.trace(store, into: ran)
        for round in 2..<6 { try await refreshWithNewDeposits(round) }
        try Self.trace(store, into: nil)

        let prepared = try Self.preparedStatements(store)
        let statements = ran.current.filter { !Self.isTransactionControl($0) }
        #expect(statements.count >= 5, "the refreshes ran \(statements.sorted())")
        let compiledEachTime = statements.subtracting(prepared)
        #expect(compiledEachTime.isEmpty, "prepared afresh on every use:\n\(compiledEachTime.sorted().joined(separator: "\n"))")
    }

    /// Collects the SQL of every statement the writer and the first reader run (nil: stops).
    static func trace(_ store: DeskStore, into ran: Locked<Set<String>>?) throws {
        let trace: ((Database.TraceEvent) -> Void)? = ran.map { ran in
            { event in
                if case .statement(let statement) = event { ran.withLock { _ = $0.insert(normalized(statement.sql)) } }
            }
        }
        try store.pool.write { db in db.trace(trace) }
        try store.pool.read { db in db.trace(trace) }
    }

    /// The statements the writer and the first reader hold prepared (SQLite's sqlite_stmt table).
    static func preparedStatements(_ store: DeskStore) throws -> Set<String> {
        let sql = "SELECT sql FROM sqlite_stmt"
        return Set(try store.pool.write { db in try String.fetchAll(db, sql: sql) } + store.pool.read { db in try String.fetchAll(db, sql: sql) })
            .reduce(into: []) { $0.insert(normalized($1)) }
    }

    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ";"))
    }

    /// BEGIN, COMMIT and the like, which GRDB runs around every read and write, and trigger bodies.
    static func isTransactionControl(_ sql: String) -> Bool {
        ["BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA", "--"].contains { sql.uppercased().hasPrefix($0) }
    }
}
