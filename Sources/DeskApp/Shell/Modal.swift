import Foundation
import CalypsoAPI
import TerminalUI

/// A currency offered when issuing an address.
public struct CurrencyOption: Hashable, Sendable {
    public var currency: Currency
    public var blockchain: String?

    public init(currency: Currency, blockchain: String?) {
        self.currency = currency
        self.blockchain = blockchain
    }

    public var label: String { blockchain.map { "\(currency.rawValue)  (\($0))" } ?? currency.rawValue }
}

/// The currency picker behind `n`.
public struct CurrencyPicker: Sendable {
    public var customerId: String
    public var options: [CurrencyOption]
    public var state: PickerState

    /// `preselecting` a currency code (the declined deposit's) selects that option first.
    public init(customerId: String, options: [CurrencyOption], preselecting currency: String? = nil) {
        self.customerId = customerId
        self.options = options
        state = PickerState(options: options.map(\.label), selected: currency.flatMap { code in options.firstIndex { $0.currency.rawValue == code } })
    }
}

/// What sits on top of the current view and takes every key.
public enum Modal: Sendable {
    case confirm(ConfirmState)
    case form(CustomerForm)
    /// The case note form behind `N`.
    case note(NoteForm)
    case picker(CurrencyPicker)
    case help(offset: Int)
    /// A deposit address as a QR code; any key closes it.
    case qrCode(title: String, address: String)
    /// `y` where there is more than one value to copy.
    case copyChooser(CopyChooser)
}

/// The one-line input at the bottom: `/` filter or `:` command.
public enum Prompt: Hashable, Sendable {
    case filter(TextInputState)
    case command(TextInputState)
}

/// A transient message in the status line.
public struct Flash: Hashable, Sendable {
    public var message: FlashMessage
    public var expiresAt: Date

    public init(_ text: String, level: FlashMessage.Level, expiresAt: Date) {
        message = FlashMessage(text, level: level)
        self.expiresAt = expiresAt
    }
}
