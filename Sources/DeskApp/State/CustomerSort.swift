import DeskModel
import Foundation
import TerminalUI

/// A column of the customers table; also what it can be sorted by.
public enum CustomerColumn: Int, CaseIterable, Hashable, Sendable {
    case id, email, externalId, description, blocked, purses, lastDeposit, pending

    public var title: String {
        switch self {
        case .id: "ID"
        case .email: "EMAIL"
        case .externalId: "EXTERNAL ID"
        case .description: "DESCRIPTION"
        case .blocked: "BLOCKED"
        case .purses: "PURSES"
        case .lastDeposit: "LAST DEPOSIT"
        case .pending: "PENDING"
        }
    }

    /// Ascending order of two customers by this column alone; nil when they tie.
    func ascending(_ a: CustomerSummary, _ b: CustomerSummary) -> Bool? {
        switch self {
        case .id: return Self.order(a.id, b.id)
        case .email: return Self.order(a.email, b.email)
        case .externalId: return Self.order(a.externalId, b.externalId)
        case .description: return Self.order(a.description, b.description)
        case .blocked: return a.blocked == b.blocked ? nil : !a.blocked
        case .purses: return a.purseCount == b.purseCount ? nil : a.purseCount < b.purseCount
        case .pending: return a.pendingDeposits == b.pendingDeposits ? nil : a.pendingDeposits < b.pendingDeposits
        case .lastDeposit:
            return Self.order(a.lastDepositAt?.timeIntervalSince1970, b.lastDepositAt?.timeIntervalSince1970)
        }
    }

    /// Missing values sort after present ones.
    private static func order<Value: Comparable>(_ a: Value?, _ b: Value?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case let (a?, b?): return a == b ? nil : a < b
        }
    }
}

/// The customers table's sort: a column and a direction.
public struct CustomerSort: Hashable, Sendable {
    public var column: CustomerColumn
    public var direction: SortDirection

    public init(column: CustomerColumn, direction: SortDirection = .ascending) {
        self.column = column
        self.direction = direction
    }
}
