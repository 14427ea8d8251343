import CalypsoAPI
import Foundation

/// The admin operations in-process: the same as the `/sandbox/...` endpoints, without HTTP.
extension SandboxServer {
    public var faults: SandboxFaults { controls.faults }

    public func setFaults(_ faults: SandboxFaults) { controls.faults = faults }

    /// The simulated world's current time.
    public var now: Date { controls.clock.now() }

    @discardableResult
    public func seed(customers: Int, transactions: Int = 0) async -> SandboxCounts {
        await controls.seed(customers: customers, transactions: transactions)
    }

    @discardableResult
    public func injectDeposit(customerId: String, currency: Currency, amount: Amount? = nil, decline: Bool = false,
                              pacing: DepositPacing = .scheduled) async throws(SandboxAPIError) -> Transaction {
        try await controls.injectDeposit(customerId: customerId, currency: currency, amount: amount,
                                                 decline: decline, pacing: pacing)
    }

    @discardableResult
    public func stepDeposit(id: String) async throws(SandboxAPIError) -> Transaction {
        try await controls.stepDeposit(id: id)
    }

    @discardableResult
    public func advanceClock(seconds: TimeInterval) async -> Date {
        await controls.advanceClock(seconds: seconds)
    }

    public func state() async -> SandboxState { await controls.state() }

    public func counts() async -> SandboxCounts { await controls.counts() }

    public func webhookStatistics() async -> WebhookStatistics { await controls.dispatcher.currentStatistics }
}
