import CalypsoAPI
import DeskApp
import DeskModel
import Foundation

/// The dashboard's accounts: lists the key's accounts and opens one session per account (its
/// own store, registry, sync engine and audit log), keeping exactly one engine running.
final class DashboardAccounts: AccountDirectory {
    private let client: CalypsoClient
    private let openSession: @Sendable (String) async throws -> DeskSession
    private let running: Locked<(session: DeskSession, loop: Task<Void, Never>)>
    private let switchObservers = Locked<[@Sendable (DeskSession) -> Void]>([])

    /// Starts `first`'s engine.
    init(client: CalypsoClient, first: DeskSession, open: @escaping @Sendable (String) async throws -> DeskSession) {
        self.client = client
        openSession = open
        running = Locked((first, Self.start(first)))
    }

    func availableAccounts() async throws -> [CurrentUser.AvailableAccount] {
        try await client.currentUser().availableAccounts
    }

    func open(account: String) async throws -> DeskSession {
        let session = try await openSession(account)
        let previous = running.withLock { running in
            defer { running = (session, Self.start(session)) }
            return running
        }
        for observer in switchObservers.current { observer(session) }
        await Self.stop(previous)
        return session
    }

    /// `observer` hears each session opened by a switch, before the old one stops (the webhook
    /// receiver follows the account shown).
    func onSwitch(_ observer: @escaping @Sendable (DeskSession) -> Void) {
        switchObservers.withLock { $0.append(observer) }
    }

    /// Stops the current account's engine.
    func stop() async {
        await Self.stop(running.current)
    }

    private static func start(_ session: DeskSession) -> Task<Void, Never> {
        Task { await session.engine.run() }
    }

    private static func stop(_ running: (session: DeskSession, loop: Task<Void, Never>)) async {
        running.loop.cancel()
        await running.loop.value
        running.session.events.finish()
    }
}
