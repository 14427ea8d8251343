import CalypsoAPI
import DeskModel
import Foundation

/// The launcher's side of switching accounts: it lists them and owns opening and closing sessions.
public protocol AccountDirectory: Sendable {
    /// The accounts the key may use (`user/current`).
    func availableAccounts() async throws -> [CurrentUser.AvailableAccount]
    /// Opens `account`'s session (its own store, registry, sync engine and audit log) with its engine
    /// running, then stops the previous account's engine. On failure the previous session goes on.
    func open(account: String) async throws -> DeskSession
}

/// Holds the session the dashboard shows and swaps it on `.switchAccount`. Everything the old
/// session still sends (reads in flight, store events, sync status) is dropped once the new one
/// is in place, and `.accountSwitched` is posted only then, so no data of two accounts mixes.
public final class SessionSwitcher: Sendable {
    private struct Current {
        var executor: CommandExecutor
        var generation: Int
        var forwarding: [Task<Void, Never>]
    }

    private let directory: (any AccountDirectory)?
    private let mailbox: Mailbox
    private let makeExecutor: @Sendable (DeskSession, _ post: @escaping @Sendable (AppMessage) -> Void) -> CommandExecutor
    private let current: Locked<Current?> = Locked(nil)
    /// One switch at a time, so the session shown is the one whose engine runs.
    private let switching = Locked(false)

    public init(session: DeskSession, directory: (any AccountDirectory)?, mailbox: Mailbox,
                makeExecutor: @escaping @Sendable (DeskSession, _ post: @escaping @Sendable (AppMessage) -> Void) -> CommandExecutor) {
        self.directory = directory
        self.mailbox = mailbox
        self.makeExecutor = makeExecutor
        current.withLock { $0 = install(session, generation: 0) }
    }

    /// The current session's executor.
    public var executor: CommandExecutor { current.current!.executor }

    /// Nothing the current session's executor started is still running.
    public var isIdle: Bool { executor.isIdle }

    public func execute(_ command: AppCommand) {
        switch command {
        case .loadAccounts:
            guard let directory else { return }
            let generation = current.current!.generation
            Task {
                do {
                    let accounts = try await directory.availableAccounts()
                    post(.accountsLoaded(accounts), generation: generation)
                } catch {
                    post(.failed("cannot list the accounts: \(error)"), generation: generation)
                }
            }
        case .switchAccount(let account):
            guard let directory else { return mailbox.post(.failed("switching accounts needs the API")) }
            guard switching.withLock({ busy in defer { busy = true }; return !busy }) else {
                return mailbox.post(.failed("already switching accounts"))
            }
            Task {
                await switchTo(account, directory: directory)
                switching.withLock { $0 = false }
            }
        default:
            executor.execute(command)
        }
    }

    /// Stops forwarding the current session's events (the dashboard ended).
    public func stop() {
        current.withLock { current in
            current?.generation += 1
            current?.forwarding.forEach { $0.cancel() }
        }
    }

    private func switchTo(_ account: String, directory: any AccountDirectory) async {
        let generation = current.current!.generation
        let name = (try? await directory.availableAccounts())?.first { $0.account.lowercased() == account.lowercased() }?.name
        let session: DeskSession
        do {
            session = try await directory.open(account: account)
        } catch {
            return post(.failed("cannot switch to \(account): \(error)"), generation: generation)
        }
        current.withLock { current in
            current?.forwarding.forEach { $0.cancel() }
            current = install(session, generation: (current?.generation ?? 0) + 1)
            mailbox.discardHeldEvents()
            mailbox.post(.accountSwitched(AccountSwitch(account: session.account, name: name)))
        }
    }

    /// Only called with the lock held (or from `init`).
    private func install(_ session: DeskSession, generation: Int) -> Current {
        let executor = makeExecutor(session) { [weak self] message in self?.post(message, generation: generation) }
        let events = Task { [weak self] in
            for await event in session.events.subscribe() { self?.post(event: event, generation: generation) }
        }
        let status = Task { [weak self] in
            // A refresh that changes nothing the header shows does not wake the UI thread.
            var shown: ConnectionState?
            for await status in session.engine.statusUpdates.subscribe() where !(shown?.looksLike(status.connection) ?? false) {
                shown = status.connection
                self?.post(.syncStatus(status.connection), generation: generation)
            }
        }
        let team = Task { [weak self] in
            guard let updates = session.teamStatus else { return }
            var shown: TeamStatus?
            for await status in updates.subscribe() where status != shown {
                shown = status
                self?.post(.teamStatus(status), generation: generation)
            }
        }
        return Current(executor: executor, generation: generation, forwarding: [events, status, team])
    }

    /// Posts unless the session that produced it was switched away from; under the lock, so
    /// nothing of an old session can land after `.accountSwitched`.
    private func post(_ message: AppMessage, generation: Int) {
        current.withLock { if $0?.generation == generation { mailbox.post(message) } }
    }

    private func post(event: DeskEvent, generation: Int) {
        current.withLock { if $0?.generation == generation { mailbox.post(event: event) } }
    }
}
