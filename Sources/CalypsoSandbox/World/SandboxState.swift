import CalypsoAPI
import Foundation

/// Counts of everything the sandbox holds.
public struct SandboxCounts: Codable, Sendable, Hashable {
    public var customers: Int
    public var blockedCustomers: Int
    public var purses: Int
    public var activePurses: Int
    public var archivedPurses: Int
    public var declinedPurses: Int
    public var transactions: Int
    public var unfinishedTransactions: Int
    /// Keyed by `transactionState`.
    public var transactionsByState: [String: Int]
}

/// A purse with the customer that owns it.
public struct SandboxPurse: Codable, Sendable, Hashable {
    public var customerId: String
    public var purse: Purse

    enum CodingKeys: String, CodingKey { case customerId }

    public init(customerId: String, purse: Purse) {
        self.customerId = customerId
        self.purse = purse
    }

    public init(from decoder: Decoder) throws {
        customerId = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .customerId)
        purse = try Purse(from: decoder)
    }

    /// One flat object: the purse's fields plus `customerId`.
    public func encode(to encoder: Encoder) throws {
        try purse.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customerId, forKey: .customerId)
    }
}

/// The whole truth, for tests of the layers above to compare a store against
/// (`GET /sandbox/state`). Transactions are in creation order, oldest first.
public struct SandboxState: Codable, Sendable {
    public var counts: SandboxCounts
    public var webhooks: WebhookStatistics
    public var customers: [Customer]
    public var purses: [SandboxPurse]
    public var transactions: [Transaction]
}
