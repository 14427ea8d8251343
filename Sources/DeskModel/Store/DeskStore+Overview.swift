import CalypsoAPI
import Foundation
import GRDB

/// The overview's figures per currency and chain, and alert acknowledgements.
extension DeskStore {
    /// Indexes the overview's queries walk, and the acknowledgement columns of alerts.
    static func registerOverviewMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: overview indexes, alert acknowledgements") { db in
            try db.execute(sql: """
                CREATE INDEX purse_overview ON purse(currency, blockchain, status);
                ALTER TABLE alert ADD COLUMN acknowledgedAt REAL;
                ALTER TABLE alert ADD COLUMN acknowledgedBy TEXT;
                CREATE INDEX alert_unacknowledged ON alert(acknowledgedAt, id);
                """)
        }
    }

    /// Everything the overview shows, as of `now`: purses per status from a covering index, deposits in
    /// flight from the open-deposit index, and deposits created in the last 24 hours (exact decimal sums).
    public func overview(now: Date = Date(), alertLimit: Int = 50) throws -> OverviewFigures {
        try pool.read { db in
            var rows: [OverviewKey: OverviewRow] = [:]
            var chainOf: [String: String] = [:]
            func row(_ currency: String, _ chain: String?) -> OverviewKey { OverviewKey(currency: currency, blockchain: chain) }

            let purseGroups = try Row.fetchAll(db, sql: OverviewQuery.purses)
            // A purse stored without its chain, and a deposit, count with their currency's chain: the one
            // another purse names, else the one the cached `exchange/pairs` give; `—` only when nothing knows it.
            for record in purseGroups {
                let currency: String = record["currency"]
                if let chain: String = record["blockchain"], chainOf[currency] == nil { chainOf[currency] = chain }
            }
            for record in try Row.fetchAll(db, sql: OverviewQuery.pairChains) {
                let currency: String = record["currency"]
                if chainOf[currency] == nil { chainOf[currency] = record["blockchain"] }
            }
            for record in purseGroups {
                let currency: String = record["currency"], count: Int = record["n"]
                let chain: String? = record["blockchain"] ?? chainOf[currency]
                let key = row(currency, chain)
                var figures = rows[key] ?? OverviewRow(currency: currency, blockchain: chain)
                switch PurseStatus(rawValue: record["status"]) {
                case .pendingPayment: figures.pursesActive += count
                case .archived: figures.pursesArchived += count
                case .declined: figures.pursesDeclined += count
                case .unknown: figures.pursesOther += count
                }
                rows[key] = figures
            }

            for record in try Row.fetchAll(db, sql: OverviewQuery.inFlight) {
                let currency: String = record["currency"], count: Int = record["n"]
                let key = row(currency, chainOf[currency])
                var figures = rows[key] ?? OverviewRow(currency: currency, blockchain: key.blockchain)
                if record["state"] == "MEM_POOL_FOUND" { figures.mempool += count } else { figures.compliance += count }
                rows[key] = figures
            }

            let dayStart = now.addingTimeInterval(-86_400), hourStart = now.addingTimeInterval(-3600)
            let cursor = try Row.fetchCursor(db, sql: OverviewQuery.lastDay, arguments: [dayStart.storeValue, now.storeValue])
            while let record = try cursor.next() {
                let currency: String = record["currency"], state: String = record["state"], createdAt: Double = record["createdAt"]
                let key = row(currency, chainOf[currency])
                var figures = rows[key] ?? OverviewRow(currency: currency, blockchain: key.blockchain)
                if state == "CONFIRMED" {
                    let amount = Decimal(string: record["amount"], locale: Locale(identifier: "en_US_POSIX")) ?? 0
                    figures.confirmedDay += 1
                    figures.volumeDay += amount
                    if createdAt >= hourStart.storeValue {
                        figures.confirmedHour += 1
                        figures.volumeHour += amount
                        let minute = min(59, Int((createdAt - hourStart.storeValue) / 60))
                        figures.minuteVolumes[minute] += amount
                    }
                } else if state == "DECLINED" {
                    figures.declinedDay += 1
                }
                rows[key] = figures
            }

            let unacknowledged = try Int.fetchOne(db, sql: OverviewQuery.unacknowledgedCount) ?? 0
            let alerts = try Row.fetchAll(db, sql: OverviewQuery.unacknowledged, arguments: [alertLimit]).map(Self.alert)
            let sorted = rows.values.sorted { ($0.currency, $0.blockchain ?? "") < ($1.currency, $1.blockchain ?? "") }
            return OverviewFigures(at: now, rows: sorted, unacknowledgedAlerts: unacknowledged, recentAlerts: alerts)
        }
    }

    /// When the newest deposit was created (Calypso's time); nil when there is none.
    public func newestDepositDate() throws -> Date? {
        try pool.read { db in Date(storeValue: try Double.fetchOne(db, sql: "SELECT max(createdAt) FROM deposit")) }
    }

    /// Alerts, the unacknowledged ones first, each group newest first.
    public func alertsUnacknowledgedFirst(limit: Int = 500) throws -> [AlertRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert ORDER BY acknowledgedAt IS NOT NULL, id DESC LIMIT ?", arguments: [limit])
                .map(Self.alert)
        }
    }

    public func unacknowledgedAlertCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM alert WHERE acknowledgedAt IS NULL") ?? 0 }
    }

    /// Marks alerts as handled by `user`, with an audit row written first; returns how many were still unacknowledged.
    @discardableResult
    public func acknowledgeAlerts(ids: [Int64], by user: String, at now: Date = Date()) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let target = ids.count == 1 ? "alert \(ids[0])" : "\(ids.count) alerts"
        let auditId = try beginAudit(action: "alert.acknowledge", target: target, detail: ids.map(String.init).joined(separator: ","),
                                     user: user, at: now)
        do {
            let changed = try pool.write { db in
                try db.execute(sql: """
                    UPDATE alert SET acknowledgedAt = ?, acknowledgedBy = ?
                    WHERE acknowledgedAt IS NULL AND id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments([now.storeValue, user] + ids.map { $0 as (any DatabaseValueConvertible) }))
                return db.changesCount
            }
            try finishAudit(id: auditId, result: .succeeded, error: nil, at: now)
            return changed
        } catch {
            try? finishAudit(id: auditId, result: .failed, error: "\(error)", at: now)
            throw error
        }
    }

    static func alert(_ row: Row) -> AlertRecord {
        AlertRecord(id: row["id"], at: Date(storeValue: row["at"]) ?? Date(timeIntervalSince1970: 0),
                    kind: AlertKind(rawValue: row["kind"]) ?? .syncFailing, customerId: row["customerId"],
                    transactionId: row["transactionId"], message: row["message"],
                    acknowledgedAt: Date(storeValue: row["acknowledgedAt"]), acknowledgedBy: row["acknowledgedBy"])
    }
}

/// The overview's reads, each walking an index (see `OverviewStoreTests`).
enum OverviewQuery {
    static let purses = "SELECT currency, blockchain, status, count(*) AS n FROM purse GROUP BY currency, blockchain, status"
    static let pairChains = "SELECT currency, blockchain FROM currency_pair WHERE blockchain IS NOT NULL"
    static let inFlight = """
        SELECT currency, state, count(*) AS n FROM deposit
        WHERE settled = 0 AND state IN ('MEM_POOL_FOUND', 'PENDING_COMPLIANCE_CHECK') GROUP BY currency, state
        """
    static let lastDay = "SELECT currency, state, amount, createdAt FROM deposit WHERE createdAt >= ? AND createdAt <= ?"
    static let unacknowledgedCount = "SELECT count(*) FROM alert WHERE acknowledgedAt IS NULL"
    static let unacknowledged = "SELECT * FROM alert WHERE acknowledgedAt IS NULL ORDER BY id DESC LIMIT ?"
    static let all = [purses, inFlight, lastDay, unacknowledgedCount, unacknowledged]
}

private struct OverviewKey: Hashable {
    var currency: String
    var blockchain: String?
}

/// One currency on one chain.
public struct OverviewRow: Sendable, Hashable {
    public var currency: String
    public var blockchain: String?
    public var pursesActive = 0
    public var pursesArchived = 0
    public var pursesDeclined = 0
    /// Purses in a status this version does not know.
    public var pursesOther = 0
    public var mempool = 0
    public var compliance = 0
    public var confirmedHour = 0
    public var confirmedDay = 0
    public var volumeHour: Decimal = 0
    public var volumeDay: Decimal = 0
    public var declinedDay = 0
    /// Confirmed volume per minute of the last hour, oldest first.
    public var minuteVolumes = [Decimal](repeating: 0, count: 60)

    public init(currency: String, blockchain: String?) {
        self.currency = currency
        self.blockchain = blockchain
    }

    /// Declined of the deposits that ended (confirmed or declined) in the last 24 hours; nil when none did.
    public var declineRate: Double? {
        let ended = confirmedDay + declinedDay
        return ended == 0 ? nil : Double(declinedDay) / Double(ended)
    }
}

/// What the overview shows.
public struct OverviewFigures: Sendable, Hashable {
    public var at: Date
    public var rows: [OverviewRow]
    public var unacknowledgedAlerts: Int
    /// The newest unacknowledged alerts.
    public var recentAlerts: [AlertRecord]

    public init(at: Date, rows: [OverviewRow], unacknowledgedAlerts: Int, recentAlerts: [AlertRecord]) {
        self.at = at
        self.rows = rows
        self.unacknowledgedAlerts = unacknowledgedAlerts
        self.recentAlerts = recentAlerts
    }
}
