import CalypsoAPI

/// The reads the sync engine makes; `CalypsoClient` is the real one.
public protocol SyncAPI: Sendable {
    func findTransactions(_ request: TransactionFindRequest) async throws(CalypsoError) -> TransactionPage
    func purses(customerId: String) async throws(CalypsoError) -> [Purse]
    func transaction(id: String) async throws(CalypsoError) -> Transaction
}

extension CalypsoClient: SyncAPI {}
