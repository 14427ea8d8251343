import CalypsoAPI
import Foundation

/// A Calypso customer-purse API on loopback: real HTTP, a simulated world behind it, live traffic,
/// webhooks and switchable faults. `start()` returns once it listens; `stop()` ends everything.
public final class SandboxServer: Sendable {
    public let configuration: SandboxConfiguration
    public let account: String
    public let apiKey: String
    public let apiSecret: String

    /// The first account's world and webhooks (the admin endpoints act on these).
    let controls: SandboxControls
    /// Every account's, the first one first.
    let accountControls: [(account: SandboxAccount, controls: SandboxControls, events: AsyncStream<SandboxEvent>,
                           eventSink: AsyncStream<SandboxEvent>.Continuation)]
    private let http: SandboxHTTPServer
    private let stopping = Locked(false)
    private let running = Locked<(port: Int, tasks: [Task<Void, Never>], subscription: WebhookSubscription?, restored: Bool)>((0, [], nil, false))

    public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.configuration = configuration
        let credentials = SandboxCredentials(seed: configuration.seed, accountCount: configuration.accountCount)
        account = credentials.account
        apiKey = credentials.apiKey
        apiSecret = credentials.apiSecret
        let clock = configuration.clock ?? ScaledClock(scale: configuration.timeScale)
        let faults = FaultInjector(faults: configuration.faults, seed: configuration.seed)
        let traces = TraceIdentifiers()
        accountControls = credentials.accounts.enumerated().map { index, account in
            // The first account keeps the seed it always had; the others draw their own worlds.
            var accountConfiguration = configuration
            accountConfiguration.seed = configuration.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            let (events, eventSink) = AsyncStream.makeStream(of: SandboxEvent.self)
            let world = SandboxWorld(configuration: accountConfiguration, clock: clock, events: eventSink, accountIndex: index)
            let dispatcher = WebhookDispatcher(seed: accountConfiguration.seed, retryScale: configuration.webhookRetryScale)
            let controls = SandboxControls(world: world, dispatcher: dispatcher, faultInjector: faults, clock: clock)
            return (SandboxAccount(account: account, name: SandboxCredentials.name(ofAccountAt: index)), controls, events, eventSink)
        }
        controls = accountControls[0].controls
        let stopping = self.stopping
        let api = APIHandler(accounts: Dictionary(accountControls.map { ($0.account.account.lowercased(), $0.controls) },
                                                  uniquingKeysWith: { first, _ in first }),
                             availableAccounts: accountControls.map { .init(account: $0.account.account, name: $0.account.name) },
                             authenticator: RequestAuthenticator(accounts: Set(credentials.accounts.map { $0.lowercased() }),
                                                                 apiKey: credentials.apiKey, apiSecret: credentials.apiSecret),
                             faults: faults, traces: traces, isStopping: { stopping.current })
        http = SandboxHTTPServer(host: configuration.host, port: configuration.port, api: api,
                                 admin: AdminHandler(sandbox: controls, traces: traces), faults: faults)
    }

    /// Every account this sandbox serves for its one API key, the first (`account`) first.
    public var accounts: [SandboxAccount] { accountControls.map(\.account) }

    /// The credentials for another of `accounts` (same key and secret).
    public func credentials(account other: String) -> Credentials {
        Credentials(baseURL: baseURL, account: other, apiKey: apiKey, apiSecret: Secret(apiSecret))
    }

    /// `http://host:port`; the port is known once `start()` has returned.
    public var baseURL: URL { URL(string: "http://\(configuration.host):\(running.current.port)")! }

    public var credentials: Credentials {
        Credentials(baseURL: baseURL, account: account, apiKey: apiKey, apiSecret: Secret(apiSecret))
    }

    /// The subscription made from `configuration.webhookURL`, with its keys.
    public var startupSubscription: WebhookSubscription? { running.current.subscription }

    /// True when `start` continued a saved world rather than seeding a new one.
    public var restoredWorld: Bool { running.current.restored }

    public func start() async throws {
        if let file = configuration.worldFile, let data = try? Data(contentsOf: file) {
            do {
                try await controls.world.restore(data, reseed: configuration.seed ^ UInt64(Date().timeIntervalSince1970 * 1_000_000))
            } catch {
                throw SandboxWorldFileError(path: file.path, reason: String(describing: error))
            }
            running.withLock { $0.restored = true }
        } else {
            await controls.world.seed(customers: configuration.seedCustomers, transactions: configuration.seedTransactions)
        }
        // Other accounts start from a new seeded world each time: only the first one is saved.
        for other in accountControls.dropFirst() {
            await other.controls.world.seed(customers: configuration.seedCustomers, transactions: configuration.seedTransactions)
        }
        if let url = configuration.webhookURL {
            let request = WebhookSubscriptionCreateRequest(
                requestId: UUID().uuidString.lowercased(), notificationEventTypes: nil,
                notificationServiceTypes: ["CUSTOMER_PURSE"], url: url)
            let subscription = try await controls.dispatcher.create(request, at: Date())
            running.withLock { $0.subscription = subscription }
        }
        let port = try await http.start()
        var tasks: [Task<Void, Never>] = []
        for entry in accountControls {
            tasks += [pumpEvents(entry.events, to: entry.controls.dispatcher), tick(entry.controls.world)]
            if configuration.traffic.enabled, configuration.traffic.depositsPerSecond > 0 { tasks.append(generateTraffic(entry.controls.world)) }
        }
        if configuration.worldFile != nil { tasks.append(saveRegularly()) }
        running.withLock {
            $0.port = port
            $0.tasks = tasks
        }
    }

    public func stop() async {
        stopping.withLock { $0 = true }
        let tasks = running.withLock { state -> [Task<Void, Never>] in
            defer { state.tasks = [] }
            return state.tasks
        }
        for task in tasks { task.cancel() }
        try? await saveWorld()
        for entry in accountControls {
            entry.eventSink.finish()
            await entry.controls.dispatcher.stop()
        }
        await http.stop()
    }

    /// Writes the world to `configuration.worldFile` (atomically); nothing without one.
    public func saveWorld() async throws {
        guard let file = configuration.worldFile else { return }
        let data = try await controls.world.savedWorld()
        try data.write(to: file, options: [.atomic])
    }

    private func saveRegularly() -> Task<Void, Never> {
        Task { [interval = configuration.saveInterval, weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                try? await self?.saveWorld()
            }
        }
    }

    private func pumpEvents(_ events: AsyncStream<SandboxEvent>, to dispatcher: WebhookDispatcher) -> Task<Void, Never> {
        Task {
            for await event in events { await dispatcher.publish(event) }
        }
    }

    /// Runs scheduled deposit steps and expiries as simulated time passes.
    private func tick(_ world: SandboxWorld) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await world.processDue()
            }
        }
    }

    private func generateTraffic(_ world: SandboxWorld) -> Task<Void, Never> {
        let interval = Duration.milliseconds(Int64(1000 / configuration.traffic.depositsPerSecond))
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                await world.generateDeposit()
            }
        }
    }
}

/// A saved world that cannot be read (`--fresh` starts over).
public struct SandboxWorldFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot read the saved sandbox world \(path): \(reason)" }
}

/// One merchant account the sandbox serves, with the name `user/current` gives it.
public struct SandboxAccount: Sendable, Hashable, Codable {
    public var account: String
    public var name: String
}
