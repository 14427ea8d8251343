import CalypsoAPI
import Foundation

/// A Calypso customer-purse API on loopback: real HTTP, a simulated world behind it, live traffic,
/// webhooks and switchable faults. `start()` returns once it listens; `stop()` ends everything.
public final class SandboxServer: Sendable {
    public let configuration: SandboxConfiguration
    public let account: String
    public let apiKey: String
    public let apiSecret: String

    let controls: SandboxControls
    private let http: SandboxHTTPServer
    private let events: AsyncStream<SandboxEvent>
    private let eventSink: AsyncStream<SandboxEvent>.Continuation
    private let stopping = Locked(false)
    private let running = Locked<(port: Int, tasks: [Task<Void, Never>], subscription: WebhookSubscription?, restored: Bool)>((0, [], nil, false))

    public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.configuration = configuration
        let credentials = SandboxCredentials(seed: configuration.seed)
        account = credentials.account
        apiKey = credentials.apiKey
        apiSecret = credentials.apiSecret
        (events, eventSink) = AsyncStream.makeStream(of: SandboxEvent.self)
        let clock = configuration.clock ?? ScaledClock(scale: configuration.timeScale)
        let world = SandboxWorld(configuration: configuration, clock: clock, events: eventSink)
        let dispatcher = WebhookDispatcher(seed: configuration.seed, retryScale: configuration.webhookRetryScale)
        let faults = FaultInjector(faults: configuration.faults, seed: configuration.seed)
        let traces = TraceIdentifiers()
        controls = SandboxControls(world: world, dispatcher: dispatcher, faultInjector: faults, clock: clock)
        let stopping = self.stopping
        let api = APIHandler(world: world, dispatcher: dispatcher,
                             authenticator: RequestAuthenticator(account: credentials.account, apiKey: credentials.apiKey,
                                                                 apiSecret: credentials.apiSecret),
                             faults: faults, traces: traces, isStopping: { stopping.current })
        http = SandboxHTTPServer(host: configuration.host, port: configuration.port, api: api,
                                 admin: AdminHandler(sandbox: controls, traces: traces), faults: faults)
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
        if let url = configuration.webhookURL {
            let request = WebhookSubscriptionCreateRequest(
                requestId: UUID().uuidString.lowercased(), notificationEventTypes: nil,
                notificationServiceTypes: ["CUSTOMER_PURSE"], url: url)
            let subscription = try await controls.dispatcher.create(request, at: Date())
            running.withLock { $0.subscription = subscription }
        }
        let port = try await http.start()
        var tasks = [pumpEvents(), tick()]
        if configuration.worldFile != nil { tasks.append(saveRegularly()) }
        if configuration.traffic.enabled, configuration.traffic.depositsPerSecond > 0 { tasks.append(generateTraffic()) }
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
        eventSink.finish()
        await controls.dispatcher.stop()
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

    private func pumpEvents() -> Task<Void, Never> {
        Task { [events, dispatcher = controls.dispatcher] in
            for await event in events { await dispatcher.publish(event) }
        }
    }

    /// Runs scheduled deposit steps and expiries as simulated time passes.
    private func tick() -> Task<Void, Never> {
        Task { [world = controls.world] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await world.processDue()
            }
        }
    }

    private func generateTraffic() -> Task<Void, Never> {
        let interval = Duration.milliseconds(Int64(1000 / configuration.traffic.depositsPerSecond))
        return Task { [world = controls.world] in
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
