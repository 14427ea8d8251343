import CalypsoAPI
import DeskModel
import Foundation

/// Fetches `exchange/pairs` into the store's cache (purse chains come from it). A failure is a
/// warning: the cached table from an earlier run still serves.
enum CurrencyPairsCache {
    /// The usable currencies, from the API or else from the cache; the warning says why the API's list is missing.
    static func refresh(client: CalypsoClient, store: DeskStore) async -> (currencies: [(currency: Currency, blockchain: String?)], warning: String?) {
        do {
            let pairs = try await client.exchangePairs()
            try store.recordCurrencyPairs(pairs)
            return (try store.currencyPairs(), nil)
        } catch {
            return ((try? store.currencyPairs()) ?? [], "currency list unavailable (\(error))")
        }
    }
}
