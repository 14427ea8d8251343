import DeskModel

/// What the customer detail view shows, as read from the store.
public struct CustomerDetailData: Hashable, Sendable {
    public var customerId: String
    public var customer: CustomerSummary?
    public var purses: [PurseRecord]
    public var transactions: [TransactionRecord]
    /// Notes, blocks and unblocks with their reasons, newest first.
    public var caseNotes: [AuditRecord]

    public init(customerId: String, customer: CustomerSummary?, purses: [PurseRecord], transactions: [TransactionRecord],
                caseNotes: [AuditRecord] = []) {
        self.customerId = customerId
        self.customer = customer
        self.purses = purses
        self.transactions = transactions
        self.caseNotes = caseNotes
    }
}

/// Which table of the detail view has the cursor.
public enum DetailPane: Hashable, Sendable {
    case purses, transactions
}

/// One transaction with its state history.
public struct TransactionDetailData: Hashable, Sendable {
    public var transaction: TransactionRecord
    public var history: [StateChangeRecord]

    public init(transaction: TransactionRecord, history: [StateChangeRecord]) {
        self.transaction = transaction
        self.history = history
    }
}
