import CalypsoAPI
import DeskModel
import Foundation
import TerminalUI

/// Everything that can change the app state: keys, time, and results coming back from I/O.
public enum AppMessage: Sendable {
    /// Sent once before the first frame.
    case started
    case key(Key)
    case resize(TerminalSize)
    /// The clock, once a second.
    case tick(Date)
    /// Store events collected since the last batch, oldest first.
    case modelEvents([DeskEvent])
    case syncStatus(ConnectionState)
    case teamStatus(TeamStatus)
    case customersLoaded([CustomerSummary])
    case customersUpdated([CustomerSummary])
    /// The first customers, for the first frame while the whole list loads.
    case customerPreviewLoaded([CustomerSummary])
    /// Every customer, loaded and indexed in the background.
    case customerTableLoaded(CustomerList)
    /// A large list's rows for a new filter, sort or scope, computed in the background.
    case customerRowsComputed(CustomerListWork)
    case countsLoaded(StoreCounts)
    case detailLoaded(CustomerDetailData)
    case transactionLoaded(TransactionDetailData)
    case alertsLoaded([AlertRecord])
    case auditLoaded([AuditRecord])
    case feedHistoryLoaded([TransactionRecord])
    case overviewLoaded(OverviewFigures)
    case actionFinished(ActionOutcome)
    case themeLoaded(Theme)
    case accountsLoaded([CurrentUser.AvailableAccount])
    /// Another account's session is in place: nothing of the previous account may stay on screen.
    case accountSwitched(AccountSwitch)
    /// A read or a theme failed; the text says what.
    case failed(String)
}

/// How an operator action ended, phrased for the flash line.
public enum ActionOutcome: Hashable, Sendable {
    case succeeded(String)
    case failed(String)
    /// `n` got an address: `y` pressed next copies it.
    case addressIssued(AddressAnswer)
}

/// The address Calypso answered a request with: a new one, or the customer's existing active one.
public struct AddressAnswer: Hashable, Sendable {
    /// The customer's email, or the short id.
    public var customer: String
    public var currency: String
    public var address: String?
    public var isNew: Bool

    public init(customer: String, currency: String, address: String?, isNew: Bool) {
        self.customer = customer
        self.currency = currency
        self.address = address
        self.isNew = isNew
    }

    /// The flash line: NEW or EXISTING first, so the difference cannot be missed, then the address
    /// and its key, so that an 80-column status line cuts only the customer the operator just chose.
    public var text: String {
        guard let address else { return "\(isNew ? "NEW" : "EXISTING") \(currency) purse for \(customer), but Calypso gave no address" }
        let which = isNew ? "NEW \(currency) \(address) · y copies it · a new address" : "EXISTING \(currency) \(address) · y copies it · the active address, no new one issued"
        return "\(which) · for \(customer)"
    }
}
