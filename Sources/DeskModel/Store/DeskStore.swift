import CalypsoAPI
import Foundation
import GRDB

/// The local truth: one SQLite database (WAL) per account. Every write that changes something
/// returns the events it caused, so callers publish exactly what changed.
public final class DeskStore: Sendable {
    let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "pursedesk"
        pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try StoreSchema.migrator.migrate(pool)
    }

    /// `<dataDirectory>/<account>.sqlite`, creating the directory (mode 700) when needed.
    public static func open(dataDirectory: URL, account: String) throws -> DeskStore {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return try DeskStore(path: fileURL(dataDirectory: dataDirectory, account: account).path)
    }

    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}

extension Date {
    var storeValue: Double { timeIntervalSince1970 }
    init?(storeValue: Double?) {
        guard let storeValue else { return nil }
        self.init(timeIntervalSince1970: storeValue)
    }
}
