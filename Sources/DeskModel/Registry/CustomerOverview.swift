import CalypsoAPI
import Foundation
import GRDB

/// One customer from the registry with a summary of what is stored about them.
public struct CustomerOverview: Sendable, Hashable {
    public var customer: CustomerSummary
    public var purses: [PurseRecord]
    /// Stored deposits by state (API names), e.g. `CONFIRMED: 3`.
    public var depositsByState: [String: Int]
    public var creditedDeposits: Int
    /// The newest deposits, newest first.
    public var recentDeposits: [TransactionRecord]

    public var depositCount: Int { depositsByState.values.reduce(0, +) }
}

extension DeskStore {
    public func customers(matching query: CustomerQuery) throws -> [CustomerSummary] {
        try customerSummaries().filter(query.matches)
    }

    /// Nil when the customer is not in the registry.
    public func overview(customerId: String, recent: Int = 10) throws -> CustomerOverview? {
        guard let customer = try customer(id: customerId) else { return nil }
        let (byState, credited) = try pool.read { db in
            var byState: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM deposit WHERE customerId = ? GROUP BY state",
                                        arguments: [customerId]) {
                byState[row["state"]] = row["n"]
            }
            let credited = try Int.fetchOne(db, sql: "SELECT count(*) FROM deposit WHERE customerId = ? AND credited = 1",
                                            arguments: [customerId]) ?? 0
            return (byState, credited)
        }
        return CustomerOverview(customer: customer, purses: try purses(customerId: customerId), depositsByState: byState,
                                creditedDeposits: credited, recentDeposits: try transactions(customerId: customerId, limit: recent))
    }

    /// The customer a transaction belongs to: the API's own field, else what the store learned
    /// from the deposit or from the purse that owns its address.
    public func owner(of transaction: Transaction) throws -> CustomerSummary? {
        let id = try transaction.customerId ?? self.transaction(id: transaction.id)?.customerId ?? pool.read { db in
            try String.fetchOne(db, sql: "SELECT customerId FROM purse WHERE purseId = ? OR address = ? LIMIT 1",
                                arguments: [transaction.purseId, transaction.address])
        }
        return try id.flatMap { try customer(id: $0) } ?? id.map { CustomerSummary(id: $0) }
    }
}
