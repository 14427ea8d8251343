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
        let now = await controls.advanceClock(seconds: seconds)
        for other in accountControls.dropFirst() { await other.controls.world.processDue() }
        return now
    }

    public func state() async -> SandboxState { await controls.state() }

    /// The state of one of `accounts` (nil for an account this sandbox does not serve).
    public func state(account: String) async -> SandboxState? {
        guard let entry = accountControls.first(where: { $0.account.account.lowercased() == account.lowercased() }) else { return nil }
        return await entry.controls.state()
    }

    public func counts() async -> SandboxCounts { await controls.counts() }

    public func webhookStatistics() async -> WebhookStatistics { await controls.dispatcher.currentStatistics }
}
