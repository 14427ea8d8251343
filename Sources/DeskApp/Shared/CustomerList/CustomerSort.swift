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

    /// Ascending order of customers `a` and `b` of `table` by this column alone; nil when they tie.
    /// Texts compare by their UTF-8 bytes (Unicode scalar order); missing values sort after present ones.
    func ascending(_ table: CustomerTable, _ a: Int, _ b: Int) -> Bool? {
        switch self {
        case .blocked: return Self.order(table.blockedRank(of: a), table.blockedRank(of: b))
        case .purses: return Self.order(table.purseCount(of: a), table.purseCount(of: b))
        case .pending: return Self.order(table.pendingDeposits(of: a), table.pendingDeposits(of: b))
        case .lastDeposit: return Self.order(table.lastDepositAt(of: a), table.lastDepositAt(of: b))
        case .id, .email, .externalId, .description:
            guard let field = textField else { return nil }
            let first = table.span(field, of: a), second = table.span(field, of: b)
            return table.withTextBuffers { Self.order(first, second, folded: $0, originals: $1) }
        }
    }

    private var textField: CustomerTable.Field? {
        switch self {
        case .id: .id
        case .email: .email
        case .externalId: .externalId
        case .description: .description
        default: nil
        }
    }

    /// Every customer's index in ascending order of this column, ties by index: the same order as
    /// `ascending`, from the column's values pulled out first.
    func ascendingOrder(_ table: CustomerTable) -> [Int32] {
        let count = table.count
        switch self {
        case .blocked: return Self.ascendingOrder((0..<count).map { Optional(table.blockedRank(of: $0)) })
        case .purses: return Self.ascendingOrder((0..<count).map { Optional(table.purseCount(of: $0)) })
        case .pending: return Self.ascendingOrder((0..<count).map { Optional(table.pendingDeposits(of: $0)) })
        case .lastDeposit: return Self.ascendingOrder((0..<count).map { table.lastDepositAt(of: $0) })
        case .id, .email, .externalId, .description:
            guard let field = textField else { return Array(0..<Int32(count)) }
            return TextColumnOrder.ascending(field, table)
        }
    }

    private static func ascendingOrder<Value: Comparable>(_ values: [Value?]) -> [Int32] {
        var sorted = Array(0..<Int32(values.count))
        values.withUnsafeBufferPointer { values in
            sorted.sort { a, b in order(values[Int(a)], values[Int(b)]) ?? (a < b) }
        }
        return sorted
    }

    static func order(_ a: CustomerTable.TextSpan, _ b: CustomerTable.TextSpan, folded: UnsafeBufferPointer<UInt8>,
                              originals: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch (a.isNull, b.isNull) {
        case (true, true): return nil
        case (true, false): return false
        case (false, true): return true
        case (false, false):
            let first = (a.inOriginals ? originals : folded).baseAddress.map { $0 + Int(a.offset) }
            let second = (b.inOriginals ? originals : folded).baseAddress.map { $0 + Int(b.offset) }
            let common = Int(min(a.length, b.length))
            if common > 0, let first, let second {
                let compared = memcmp(first, second, common)
                if compared != 0 { return compared < 0 }
            }
            return a.length == b.length ? nil : a.length < b.length
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

extension BlockState {
    /// Not blocked, then unknown, then blocked.
    var sortRank: Int {
        switch self {
        case .notBlocked: 0
        case .unknown: 1
        case .blocked: 2
        }
    }
}
