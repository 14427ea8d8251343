import CalypsoAPI
import CalypsoSandbox
import DeskApp
import DeskModel
import Foundation
import PursedeskConfig

/// The session the dashboard shows, and what keeps it alive: the embedded sandbox when no
/// credentials are configured (its world and store kept under the data directory), and the sync engine's loop.
struct DashboardLaunch {
    let session: DeskSession
    /// Things to tell the operator in the first flash (e.g. the currency list fell back).
    let warnings: [String]
    private let engineLoop: Task<Void, Never>?
    private let sandbox: SandboxServer?

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
        // Only the first account's world is saved; the others are new at every start.
        let continued = sandbox.restoredWorld && account == sandbox.account
        let store: DeskStore
        do {
            // A new world makes an old store wrong: its customers and deposits no longer exist.
            if !sandbox.restoredWorld { try removeStores(in: directory) }
            if !continued { try removeStores(in: directory, account: account) }
            store = try DeskStore.open(dataDirectory: directory, account: account)
            if !continued, let state = await sandbox.state(account: account) {
                for customer in state.customers { try store.upsertCustomer(customer, origin: .imported) }
            }
        } catch {
            await sandbox.stop()
            throw CommandFailure(message: "cannot prepare the sandbox store in \(directory.path): \(error)", exitCode: 1)
        }
        let client = CalypsoClient(credentials: sandbox.credentials(account: account))
        let currencies = configuration.currencies.map { CurrencyOption(currency: $0.code, blockchain: $0.blockchain) }
        let note = "demo data \(continued ? "continued from" : "kept in") \(directory.path) (--fresh starts over)"
        return make(account: account, source: .embeddedSandbox, client: client, store: store, context: context,
                    readOnly: readOnly, offline: false, currencies: currencies, warnings: [note], sandbox: sandbox)
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
        let store: DeskStore
        do {
            store = try DeskStore.open(dataDirectory: context.configuration.dataDirectory, account: credentials.account)
        } catch {
            throw CommandFailure(message: "cannot open the local store in \(context.configuration.dataDirectory.path): \(error)",
                                 exitCode: ExitStatus.configuration)
        }
        var warnings: [String] = []
        var currencies = builtinCurrencies
        let cached: (currencies: [(currency: Currency, blockchain: String?)], warning: String?) = offline
            ? ((try? store.currencyPairs()) ?? [], nil) : await CurrencyPairsCache.refresh(client: client, store: store)
        if !cached.currencies.isEmpty { currencies = cached.currencies.map { CurrencyOption(currency: $0.currency, blockchain: $0.blockchain) } }
        if let warning = cached.warning {
            warnings.append(cached.currencies.isEmpty ? "\(warning); offering the built-in list" : "\(warning); offering the list saved earlier")
        }
        return make(account: credentials.account, source: .remote(credentials.baseURL), client: client, store: store, context: context,
                    readOnly: readOnly || offline, offline: offline, currencies: currencies, warnings: warnings, sandbox: nil)
    }

    private static var builtinCurrencies: [CurrencyOption] {
        SandboxCurrency.assumedDefaults.map { CurrencyOption(currency: $0.code, blockchain: $0.blockchain) }
    }

    private static func make(account: String, source: DeskSession.Source, client: CalypsoClient, store: DeskStore, context: CommandContext,
                             readOnly: Bool, offline: Bool, currencies: [CurrencyOption], warnings: [String],
                             sandbox: SandboxServer?) -> DashboardLaunch {
        let configuration = context.configuration
        let interval = Duration.milliseconds(Int(configuration.refreshInterval * 1000))
        let events = EventHub<DeskEvent>()
        let engine = SyncEngine(api: client, store: store, events: events,
                                settings: SyncSettings(refreshInterval: interval, requestsPerSecond: configuration.requestBudget))
        let actions = readOnly ? nil : OperatorActions(client: client, store: store, events: events)
        let session = DeskSession(account: account, source: source, store: store, engine: engine, events: events, actions: actions,
                                  currencies: currencies.map { ($0.currency, $0.blockchain) }, refreshInterval: interval)
        let loop = offline ? nil : Task { await engine.run() }
        return DashboardLaunch(session: session, warnings: warnings, engineLoop: loop, sandbox: sandbox)
    }

    /// Stops the engine and the sandbox (which saves its world).
    func stop() async {
        if let engineLoop {
            engineLoop.cancel()
            await engineLoop.value
        }
        session.events.finish()
        await sandbox?.stop()
    }
}
