import DeskModel
import TerminalUI

/// The explorer links of what the views show.
extension AppState {
    /// The chain a currency is on, as the account's currency list says.
    func blockchain(ofCurrency currency: String) -> String? {
        currencies.first { $0.currency.rawValue == currency }?.blockchain
    }

    /// The explorer page of a deposit's transaction; `blockchain` when known better than from its currency.
    func link(for transaction: TransactionRecord, blockchain: String? = nil) -> Hyperlink? {
        explorers.transaction(transaction.hash, blockchain: blockchain ?? self.blockchain(ofCurrency: transaction.currency))
    }

    /// The explorer page of an address on the chain of `currency`.
    func link(forAddress address: String?, currency: String, blockchain: String? = nil) -> Hyperlink? {
        explorers.address(address, blockchain: blockchain ?? self.blockchain(ofCurrency: currency))
    }
}
