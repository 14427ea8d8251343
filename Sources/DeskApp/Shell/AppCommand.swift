import CalypsoAPI

/// Work the reducer asks for; `CommandExecutor` performs it and sends the results back as messages.
public enum AppCommand: Hashable, Sendable {
    case loadCustomers
    case reloadCustomers([String])
    /// Filters and sorts a large customer list off the UI thread.
    case computeCustomerRows(CustomerListWork)
    case loadCounts
    case loadDetail(customerId: String)
    case loadTransaction(id: String)
    case loadAlerts
    case loadAudit
    case loadFeedHistory
    case loadOverview
    case acknowledgeAlerts([Int64])
    /// The terminal bell, for a new alert.
    case bell
    case focus(customerId: String?)
    case setVisible(customerIds: [String])
    case refreshNow
    /// `reason` (a ticket number, say) goes into the audit log with each block.
    case block([String], reason: String?)
    case unblock([String], reason: String?)
    case addNote(customerId: String, text: String)
    case requestAddress(customerId: String, currency: Currency)
    case createCustomer(CustomerDraft)
    case updateCustomer(id: String, CustomerDraft)
    case copy(String)
    case exportDeposits(customerId: String)
    case loadTheme(String)
    /// The accounts `user/current` lists (answered by the `SessionSwitcher`).
    case loadAccounts
    /// Opens the account's session in place of the current one (answered by the `SessionSwitcher`).
    case switchAccount(String)
    case quit
}
