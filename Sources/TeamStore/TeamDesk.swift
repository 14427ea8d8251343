import CalypsoAPI
import DeskModel
import Foundation
import PostgresNIO

/// One process of a team (a dashboard or `pursedesk sync`): it competes for the account's
/// poller lock, runs the sync engine while it holds it (sharing every change through the log),
/// and always replicates the log into its local store.
public final class TeamDesk: Sendable {
    public let team: TeamStore
    private let store: DeskStore
    /// What the screens subscribe to: replicated changes and, while polling, the engine's own.
    private let events: EventHub<DeskEvent>
    /// The engine's events, forwarded to `events` and to the team's log.
    private let pollerEvents: EventHub<DeskEvent>
    private let engine: SyncEngine
    private let refreshInterval: Duration
    /// How long the change log keeps what it was told; the poller compacts it hourly.
    private let logRetention: Duration
    private let outbox: ChangeOutbox
    private let wakeup = Wakeup()
    private let current = Locked(TeamStatus())
    public let statusUpdates = EventHub<TeamStatus>()

    /// `engine` must publish into `pollerEvents`; `events` is the session's hub.
    public init(team: TeamStore, store: DeskStore, events: EventHub<DeskEvent>, pollerEvents: EventHub<DeskEvent>, engine: SyncEngine,
                refreshInterval: Duration, logRetention: Duration = TeamDesk.defaultLogRetention) {
        self.team = team
        self.store = store
        self.events = events
        self.pollerEvents = pollerEvents
        self.engine = engine
        self.refreshInterval = refreshInterval
        self.logRetention = logRetention
        outbox = ChangeOutbox(team: team)
    }

    public var status: TeamStatus { current.current }

    /// Runs until the task is cancelled.
    public func run() async {
        let forwarded = pollerEvents.subscribe()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.forward(forwarded) }
            group.addTask { await self.replicate() }
            group.addTask { await self.compete() }
            group.addTask { await self.compactWhilePolling() }
            await group.waitForAll()
        }
    }

    // MARK: Status

    private func update(_ change: (inout TeamStatus) -> Void) {
        let (changed, status) = current.withLock { status -> (Bool, TeamStatus) in
            let before = status
            change(&status)
            return (before != status, status)
        }
        if changed { statusUpdates.publish(status) }
    }

    // MARK: Polling

    private func forward(_ stream: AsyncStream<DeskEvent>) async {
        for await event in stream {
            events.publish(event)
            await outbox.add([StoreChange(event)])
        }
    }

    /// Holds a dedicated connection: LISTEN for the log, and the poller lock (a session lock, so
    /// it dies with this connection and with this process, even by SIGKILL).
    private func compete() async {
        var failures = 0
        while !Task.isCancelled {
            let connection: PostgresConnection
            do {
                connection = try await team.connector.connect()
            } catch {
                failures += 1
                update { $0.store = .reconnecting(reason: error.description); if $0.role == .polling { $0.role = .following } }
                try? await Task.sleep(for: min(refreshInterval * Double(failures), .seconds(5)))
                continue
            }
            failures = 0
            let reason = await hold(connection)
            try? await connection.close()
            if !Task.isCancelled { update { $0.store = .reconnecting(reason: reason) } }
        }
    }

    /// Returns why the session ended.
    private func hold(_ connection: PostgresConnection) async -> String {
        let account = team.account
        let lockKey = "pursedesk.poller:" + account
        let logger = TeamConnector.quietLogger
        let ended = Locked<String?>(nil)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await connection.listen(on: TeamStore.channel) { notifications in
                        await self.wakeup.signal()
                        self.update { $0.store = .connected; if $0.role == .starting { $0.role = .following } }
                        for try await notification in notifications where notification.payload == account {
                            await self.wakeup.signal()
                        }
                    }
                    ended.withLock { $0 = $0 ?? "notifications ended" }
                } catch {
                    ended.withLock { $0 = $0 ?? TeamStoreError.describe(error) }
                }
            }
            group.addTask {
                // Polling: the whole engine. Following: only what the operator opens.
                var engineLoop: Task<Void, Never>?
                var followLoop: Task<Void, Never>?
                defer { engineLoop?.cancel(); followLoop?.cancel() }
                do {
                    while !Task.isCancelled {
                        if engineLoop == nil {
                            var acquired = false
                            for try await value in try await connection.query("SELECT pg_try_advisory_lock(hashtext(\(lockKey)))",
                                                                              logger: logger).decode(Bool.self) { acquired = value }
                            if acquired {
                                if let followLoop {
                                    followLoop.cancel()
                                    await followLoop.value
                                }
                                followLoop = nil
                                engineLoop = Task { await self.engine.run() }
                                self.update { $0.role = .polling; $0.store = .connected }
                            } else {
                                if followLoop == nil { followLoop = Task { await self.engine.runFollowing() } }
                                self.update { $0.role = .following; $0.store = .connected }
                            }
                        } else {
                            try await connection.query("SELECT 1", logger: logger)
                        }
                        // Said again every interval: a screen that subscribed after a change still learns it.
                        self.statusUpdates.publish(self.status)
                        try await Task.sleep(for: self.refreshInterval)
                    }
                } catch {
                    ended.withLock { $0 = $0 ?? TeamStoreError.describe(error) }
                }
                if let followLoop {
                    followLoop.cancel()
                    await followLoop.value
                }
                if let engineLoop {
                    engineLoop.cancel()
                    await engineLoop.value
                    self.update { $0.role = .following }
                }
            }
            await group.next()
            group.cancelAll()
            try? await connection.close()
        }
        return ended.current ?? "stopped"
    }

    public static let defaultLogRetention: Duration = .seconds(7 * 24 * 3600)

    /// While this desk polls, it compacts the log once an hour (first a minute after it began).
    private func compactWhilePolling() async {
        var last: ContinuousClock.Instant?
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(60))
            guard status.role == .polling, last.map({ ContinuousClock.now - $0 >= .seconds(3600) }) ?? true else { continue }
            if (try? await team.compact(keeping: logRetention)) != nil { last = .now }
        }
    }

    // MARK: Following

    /// Catches up by sequence on start, after every notification and every refresh interval
    /// (a missed notification costs at most one interval), merging into the local store.
    private func replicate() async {
        while !Task.isCancelled {
            do {
                try await catchUp()
            } catch {
                update { $0.store = .reconnecting(reason: error.description) }
            }
            await wakeup.wait(upTo: refreshInterval)
        }
    }

    /// Applies everything after the local store's sequence; returns how many changes it read.
    @discardableResult
    public func catchUp() async throws(TeamStoreError) -> Int {
        try await team.refreshReplica(store) { events, sequence in
            self.events.publish(events)
            self.update { $0.sequence = sequence; $0.store = .connected }
        }
    }

    /// Actions audited in the team's log.
    public var journal: any ActionJournal { TeamActionJournal(team: team) }

    /// Webhook deliveries stored once for the team.
    public var webhookSink: any WebhookSink { TeamWebhookSink(team: team) }
}
