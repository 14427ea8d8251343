import CalypsoAPI
import Foundation

/// The operations behind the admin endpoints, callable in-process as well.
final class SandboxControls: Sendable {
    let world: SandboxWorld
    let dispatcher: WebhookDispatcher
    let faultInjector: FaultInjector
    let clock: any SandboxClock

    init(world: SandboxWorld, dispatcher: WebhookDispatcher, faultInjector: FaultInjector, clock: any SandboxClock) {
        self.world = world
        self.dispatcher = dispatcher
        self.faultInjector = faultInjector
        self.clock = clock
    }

    var faults: SandboxFaults {
        get { faultInjector.faults }
        set { faultInjector.faults = newValue }
    }

    func state() async -> SandboxState { await world.state(webhooks: await dispatcher.currentStatistics) }

    func stateJSON() async -> [UInt8] { await world.stateJSON(webhooks: await dispatcher.currentStatistics) }

    func counts() async -> SandboxCounts { await world.counts() }

    func injectDeposit(customerId: String, currency: Currency, amount: Amount?, decline: Bool,
                       pacing: DepositPacing) async throws(SandboxAPIError) -> Transaction {
        try await world.receiveDeposit(customerId: customerId, currency: currency, amount: amount, decline: decline, pacing: pacing)
    }

    func stepDeposit(id: String) async throws(SandboxAPIError) -> Transaction {
        try await world.stepDeposit(id: id)
    }

    /// Moves simulated time on and runs everything that fell due; returns the new time.
    func advanceClock(seconds: TimeInterval) async -> Date {
        clock.advance(by: seconds)
        await world.processDue()
        return clock.now()
    }

    func seed(customers: Int, transactions: Int) async -> SandboxCounts {
        await world.seed(customers: customers, transactions: transactions)
        return await world.counts()
    }
}
