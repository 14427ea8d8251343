import Foundation
import PostgresNIO

/// One working connection to the team store, opened on first use and again after it broke.
/// Calls are serialised: the team's writes are small and ordered by the change log anyway.
actor TeamDatabase {
    let connector: TeamConnector
    private var connection: PostgresConnection?
    /// Migrations run on first use, once per process.
    private var schemaChecked = false

    init(connector: TeamConnector) { self.connector = connector }

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// A connection must be closed before it is released; the closing task holds it until then.
    deinit {
        if let connection { Task { try? await connection.close() } }
    }

    /// Runs `body` on the connection; a failure that closed the connection drops it, so the next
    /// call reconnects. Every failure is a `TeamStoreError`.
    func run<Result: Sendable>(_ body: (PostgresConnection) async throws -> sending Result) async throws(TeamStoreError) -> Result {
        // One caller at a time: the actor alone would interleave callers at every await, mixing
        // one caller's statements into another's transaction.
        await acquire()
        defer { release() }
        let connection: PostgresConnection
        if let open = self.connection, !open.isClosed {
            connection = open
        } else {
            connection = try await connector.connect()
            if !schemaChecked {
                do {
                    _ = try await TeamSchema.migrate(connection)
                } catch {
                    try? await connection.close()
                    if let error = error as? PostgresTransactionError, let inner = error.closureError as? TeamStoreError { throw inner }
                    throw .server("cannot prepare the schema: \(TeamStoreError.describe(error))")
                }
                schemaChecked = true
            }
            self.connection = connection
        }
        do {
            return try await body(connection)
        } catch {
            if connection.isClosed { self.connection = nil }
            if let error = error as? TeamStoreError { throw error }
            if let error = error as? PostgresTransactionError, let inner = error.closureError as? TeamStoreError { throw inner }
            throw connection.isClosed ? .unreachable(TeamStoreError.describe(error)) : .server(TeamStoreError.describe(error))
        }
    }

    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> sending Result) async throws(TeamStoreError) -> Result {
        try await run { connection in
            try await connection.withTransaction(logger: TeamConnector.quietLogger) { connection in try await body(connection) }
        }
    }

    /// Brings the schema up to date now and says what it did.
    func migrate() async throws(TeamStoreError) -> [String] {
        let connection = try await connector.connect()
        defer { Task { try? await connection.close() } }
        do {
            let applied = try await TeamSchema.migrate(connection)
            schemaChecked = true
            return applied
        } catch {
            if let error = error as? PostgresTransactionError, let inner = error.closureError as? TeamStoreError { throw inner }
            throw .server("cannot prepare the schema: \(TeamStoreError.describe(error))")
        }
    }

    func close() async {
        try? await connection?.close()
        connection = nil
    }
}
