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

    /// Every customer's index in ascending order of this column, ties by index: the same order as
    /// `ascending`, from the column's values pulled out first so sorting does not copy customers.
    func ascendingOrder(_ customers: [CustomerSummary]) -> [Int32] {
        switch self {
        case .id: Self.ascendingOrder(customers.map(\.id))
        case .email: Self.ascendingOrder(customers.map(\.email))
        case .externalId: Self.ascendingOrder(customers.map(\.externalId))
        case .description: Self.ascendingOrder(customers.map(\.description))
        case .blocked: Self.ascendingOrder(customers.map { $0.blocked ? 1 : 0 })
        case .purses: Self.ascendingOrder(customers.map(\.purseCount))
        case .pending: Self.ascendingOrder(customers.map(\.pendingDeposits))
        case .lastDeposit: Self.ascendingOrder(customers.map { $0.lastDepositAt?.timeIntervalSince1970 })
        }
    }

    private static func ascendingOrder<Value: Comparable>(_ values: [Value]) -> [Int32] {
        ascendingOrder(values.map(Optional.some))
    }

    private static func ascendingOrder<Value: Comparable>(_ values: [Value?]) -> [Int32] {
        var sorted = Array(0..<Int32(values.count))
        values.withUnsafeBufferPointer { values in
            sorted.sort { a, b in order(values[Int(a)], values[Int(b)]) ?? (a < b) }
        }
        return sorted
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
