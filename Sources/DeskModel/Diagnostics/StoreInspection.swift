import Foundation
import GRDB

/// What `doctor` reports about a store file, read without changing it (no migration, no creation).
public struct StoreInspection: Sendable {
    public var path: String
    public var integrity: String
    public var appliedMigrations: [String]
    public var knownMigrations: [String]

    /// Every migration this version knows was applied, and none it does not know.
    public var schemaIsCurrent: Bool { Set(appliedMigrations) == Set(knownMigrations) }
    /// Written by a newer pursedesk: migrations applied that this version does not know.
    public var unknownMigrations: [String] { appliedMigrations.filter { !knownMigrations.contains($0) } }
    public var missingMigrations: [String] { knownMigrations.filter { !appliedMigrations.contains($0) } }

    /// Nil when there is no store file yet.
    public static func inspect(path: String) throws -> StoreInspection? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            let applied = try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
            return StoreInspection(path: path, integrity: integrity, appliedMigrations: applied,
                                   knownMigrations: StoreSchema.migrator.migrations)
        }
    }
}

extension DeskStore {
    /// `<dataDirectory>/<account>.sqlite`: where `open(dataDirectory:account:)` keeps an account's store.
    public static func fileURL(dataDirectory: URL, account: String) -> URL {
        let safeName = String(account.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(80))
        return dataDirectory.appendingPathComponent("\(safeName.isEmpty ? "default" : safeName).sqlite")
    }
}
