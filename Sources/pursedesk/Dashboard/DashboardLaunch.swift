import CalypsoAPI
import CalypsoSandbox
import DeskApp
import DeskModel
import Foundation
import PursedeskConfig
import TeamStore

/// The session the dashboard shows, and what keeps it alive: the embedded sandbox when no
/// credentials are configured (its world and store kept under the data directory), and the sync engine's loop.
struct DashboardLaunch {
    let session: DeskSession
    /// Things to tell the operator in the first flash (e.g. the currency list fell back).
    let warnings: [String]
    /// Lists the key's accounts and opens the others' sessions; nil offline (nothing can be listed)
    /// and in team mode (a team shares one account).
    let accounts: DashboardAccounts?
    /// Where webhooks go: the team store in team mode, else the local store.
    let webhookSink: (any WebhookSink)?
    /// The team desk's loop (polling or following), in team mode.
    private var teamLoop: Task<Void, Never>?
    private let sandbox: SandboxServer?

    private init(session: DeskSession, warnings: [String], accounts: DashboardAccounts?, sandbox: SandboxServer?,
                 webhookSink: (any WebhookSink)? = nil, teamLoop: Task<Void, Never>? = nil) {
        self.session = session
        self.warnings = warnings
        self.accounts = accounts
        self.sandbox = sandbox
        self.webhookSink = webhookSink
        self.teamLoop = teamLoop
    }

    /// The embedded sandbox: 200 customers, about one deposit a second, a state step every 3 s.
    /// Its world and its store live in `<data dir>/sandbox`, so a restart continues; `fresh` starts over.
    static func sandbox(_ context: CommandContext, readOnly: Bool, fresh: Bool) async throws -> DashboardLaunch {
        let directory = context.configuration.dataDirectory.appendingPathComponent("sandbox", isDirectory: true)
        do {
            if fresh, FileManager.default.fileExists(atPath: directory.path) { try FileManager.default.removeItem(at: directory) }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(message: "cannot prepare the demo data directory \(directory.path): \(error)", exitCode: 1)
        }
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 200
        configuration.timeScale = 1
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 1, declineShare: 0.1, blockedShare: 0.05, stepSeconds: 3)
        configuration.worldFile = directory.appendingPathComponent("world.json")
        let sandbox = SandboxServer(configuration: configuration)
        do {
            try await sandbox.start()
        } catch let error as SandboxWorldFileError {
            throw CommandFailure(message: "\(error); `pursedesk --fresh` starts a new demo", exitCode: 1)
        } catch {
            throw CommandFailure(message: "the embedded sandbox could not start: \(error)", exitCode: 1)
        }
        let chosen = context.options.account ?? sandbox.account
        guard let account = sandbox.accounts.first(where: { $0.account.lowercased() == chosen.lowercased() })?.account else {
            await sandbox.stop()
            throw CommandFailure(message: "the embedded sandbox has no account \(chosen); it serves \(sandbox.accounts.map(\.account).joined(separator: ", "))",
                                 exitCode: ExitStatus.configuration)
        }
        do {
            // A new world makes every old store wrong: its customers and deposits no longer exist.
            if !sandbox.restoredWorld { try removeStores(in: directory) }
        } catch {
            await sandbox.stop()
            throw CommandFailure(message: "cannot prepare the sandbox store in \(directory.path): \(error)", exitCode: 1)
        }
        let currencies = configuration.currencies.map { CurrencyOption(currency: $0.code, blockchain: $0.blockchain) }
        let opened = Locked<Set<String>>([])
        let open: @Sendable (String) async throws -> DeskSession = { wanted in
            guard let account = sandbox.accounts.first(where: { $0.account.lowercased() == wanted.lowercased() })?.account else {
                throw CommandFailure(message: "the embedded sandbox has no account \(wanted)", exitCode: ExitStatus.configuration)
            }
            // Only the first account's world is saved; the others are new at every start.
            let continued = sandbox.restoredWorld && account == sandbox.account
            let first = opened.withLock { $0.insert(account).inserted }
            let store: DeskStore
            do {
                if first, !continued { try removeStores(in: directory, account: account) }
                store = try DeskStore.open(dataDirectory: directory, account: account)
                if first, !continued, let state = await sandbox.state(account: account) {
                    for customer in state.customers { try store.upsertCustomer(customer, origin: .imported) }
                }
            } catch {
                throw CommandFailure(message: "cannot prepare the sandbox store in \(directory.path): \(error)", exitCode: 1)
            }
            let client = context.client(for: sandbox.credentials(account: account), configuredPaths: false)
            // Purse rows take their chain from the cached `exchange/pairs`, as on the real API.
            _ = await CurrencyPairsCache.refresh(client: client, store: store)
            return session(account: account, source: .embeddedSandbox, client: client,
                           store: store, context: context, readOnly: readOnly, currencies: currencies)
        }
        let first: DeskSession
        do {
            first = try await open(account)
        } catch {
            await sandbox.stop()
            throw error
        }
        let note = sandbox.restoredWorld && account == sandbox.account
            ? "demo data continued from \(directory.path) (--fresh starts over)"
            : fresh ? "--fresh: new demo data in \(directory.path), the old one is gone"
            : "new demo data, kept in \(directory.path) (--fresh starts over)"
        let accounts = DashboardAccounts(client: context.client(for: sandbox.credentials, configuredPaths: false), first: first, open: open)
        return DashboardLaunch(session: first, warnings: [note], accounts: accounts, sandbox: sandbox)
    }

    /// Every account's store, or only `account`'s.
    private static func removeStores(in directory: URL, account: String? = nil) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names where account.map({ name.hasPrefix($0 + ".sqlite") }) ?? true
            && (name.hasSuffix(".sqlite") || name.hasSuffix(".sqlite-wal") || name.hasSuffix(".sqlite-shm")) {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The configured account over the real API (or, offline, only what is stored).
    static func remote(_ context: CommandContext, readOnly: Bool, offline: Bool) async throws -> DashboardLaunch {
        let client = try context.client()
        let credentials = client.credentials
        let team = try TeamMode.team(context, account: credentials.account)
        let store = try team.map { try TeamMode.openReplica(context, account: credentials.account, team: $0) }
            ?? openStore(context, account: credentials.account)
        var warnings: [String] = []
        var currencies = builtinCurrencies
        let cached: (currencies: [(currency: Currency, blockchain: String?)], warning: String?) = offline
            ? ((try? store.currencyPairs()) ?? [], nil) : await CurrencyPairsCache.refresh(client: client, store: store)
        if !cached.currencies.isEmpty { currencies = cached.currencies.map { CurrencyOption(currency: $0.currency, blockchain: $0.blockchain) } }
        if let warning = cached.warning {
            warnings.append(cached.currencies.isEmpty ? "\(warning); offering the built-in list" : "\(warning); offering the list saved earlier")
        }
        if let team, !offline {
            return makeTeam(account: credentials.account, source: .remote(credentials.baseURL), client: client, store: store, team: team,
                            context: context, readOnly: readOnly, currencies: currencies, warnings: warnings)
        }
        let first = session(account: client.credentials.account, source: .remote(client.credentials.baseURL), client: client, store: store,
                            context: context, readOnly: readOnly || offline, currencies: currencies)
        let chosenCurrencies = currencies
        let open: @Sendable (String) async throws -> DeskSession = { account in
            let other = try context.client(account: account)
            return session(account: account, source: .remote(other.credentials.baseURL), client: other,
                           store: try openStore(context, account: account), context: context, readOnly: readOnly, currencies: chosenCurrencies)
        }
        // Offline nothing syncs and no account list can be fetched.
        let accounts = offline ? nil : DashboardAccounts(client: client, first: first, open: open)
        return DashboardLaunch(session: first, warnings: warnings, accounts: accounts, sandbox: nil)
    }

    private static func openStore(_ context: CommandContext, account: String) throws -> DeskStore {
        do {
            return try DeskStore.open(dataDirectory: context.configuration.dataDirectory, account: account)
        } catch {
            throw CommandFailure(message: "cannot open the local store in \(context.configuration.dataDirectory.path): \(error)",
                                 exitCode: ExitStatus.configuration)
        }
    }

    private static var builtinCurrencies: [CurrencyOption] {
        SandboxCurrency.assumedDefaults.map { CurrencyOption(currency: $0.code, blockchain: $0.blockchain) }
    }

    /// One account's store, sync engine, events and (unless read-only) audited actions.
    private static func session(account: String, source: DeskSession.Source, client: CalypsoClient, store: DeskStore,
                                context: CommandContext, readOnly: Bool, currencies: [CurrencyOption]) -> DeskSession {
        let configuration = context.configuration
        let interval = Duration.milliseconds(Int(configuration.refreshInterval * 1000))
        let events = EventHub<DeskEvent>()
        // The engine retries reads itself, so that the header can say so while it does.
        let engine = SyncEngine(api: client.with { $0.readRetries = 0 }, store: store, events: events,
                                settings: SyncSettings(refreshInterval: interval, requestsPerSecond: configuration.requestBudget),
                                logger: context.diagnostics.logger("sync"))
        let actions = readOnly ? nil : OperatorActions(client: client, store: store, events: events, user: TeamMode.operatorName(context),
                                                       logger: context.diagnostics.logger("actions"))
        return DeskSession(account: account, source: source, store: store, engine: engine, events: events, actions: actions,
                           currencies: currencies.map { ($0.currency, $0.blockchain) }, refreshInterval: interval,
                           exportDirectory: exportDirectory(configuration))
    }
    /// A desk of a team: it polls while it holds the account's poller lock and follows the team's
    /// log otherwise; actions are audited in the team's log.
    private static func makeTeam(account: String, source: DeskSession.Source, client: CalypsoClient, store: DeskStore, team: TeamStore,
                                 context: CommandContext, readOnly: Bool, currencies: [CurrencyOption], warnings: [String]) -> DashboardLaunch {
        let configuration = context.configuration
        let interval = Duration.milliseconds(Int(configuration.refreshInterval * 1000))
        let events = EventHub<DeskEvent>()
        let pollerEvents = EventHub<DeskEvent>()
        let engine = SyncEngine(api: client.with { $0.readRetries = 0 }, store: store, events: pollerEvents,
                                settings: SyncSettings(refreshInterval: interval, requestsPerSecond: configuration.requestBudget),
                                logger: context.diagnostics.logger("sync"))
        let desk = TeamDesk(team: team, store: store, events: events, pollerEvents: pollerEvents, engine: engine, refreshInterval: interval)
        let actions = readOnly ? nil : OperatorActions(client: client, store: store, events: events, user: TeamMode.operatorName(context),
                                                       journal: desk.journal, logger: context.diagnostics.logger("actions"))
        let session = DeskSession(account: account, source: source, store: store, engine: engine, events: events, actions: actions,
                                  currencies: currencies.map { ($0.currency, $0.blockchain) }, refreshInterval: interval,
                                  exportDirectory: exportDirectory(configuration), teamStatus: desk.statusUpdates)
        let loop = Task { await desk.run() }
        return DashboardLaunch(session: session, warnings: warnings, accounts: nil, sandbox: nil, webhookSink: desk.webhookSink, teamLoop: loop)
    }

    /// Where `x` writes exports: `export_dir`, else the directory pursedesk started in.
    private static func exportDirectory(_ configuration: Configuration) -> URL {
        configuration.exportDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }


    /// Stops the engine and the sandbox (which saves its world).
    func stop() async {
        if let accounts {
            await accounts.stop()
        } else if let teamLoop {
            teamLoop.cancel()
            await teamLoop.value
            session.events.finish()
        } else {
            session.events.finish()
        }
        await sandbox?.stop()
    }
}
