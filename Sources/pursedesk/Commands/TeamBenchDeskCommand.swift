import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation
import TeamStore

extension BenchCommand.Team {
    /// One headless desk of `bench team`, in its own process as real desks are: it competes for
    /// the poller lock and follows the log like `pursedesk sync --store`, and prints on stdout
    /// `event <unix µs> <key>` for each deposit change its store takes while following, then
    /// `requests <n>` (its own API requests) when stdin closes. The API key and secret come in
    /// PURSEDESK_BENCH_API_KEY and PURSEDESK_BENCH_API_SECRET, the store password as for any desk.
    struct Desk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "desk", abstract: "One following desk of `bench team` (started by it).", shouldDisplay: false)
        @Option(name: .customLong("team-store"), help: "The team store.") var teamStore: String
        @Option(help: "The team's account in the store.") var account: String
        @Option(name: .customLong("data-dir"), help: "Where this desk keeps its replica.") var dataDirectory: String
        @Option(name: .customLong("api-url"), help: "The API's base URL.") var apiURL: String
        @Option(name: .customLong("api-account"), help: "The API account.") var apiAccount: String
        @Option(help: "Refresh interval in milliseconds.") var interval = 1000

        func run() async throws {
            try await runReporting {
                let environment = ProcessInfo.processInfo.environment
                guard let key = environment["PURSEDESK_BENCH_API_KEY"], let secret = environment["PURSEDESK_BENCH_API_SECRET"],
                      let baseURL = URL(string: apiURL) else {
                    throw CommandFailure(message: "bench team desk is started by bench team", exitCode: 64)
                }
                let url: TeamStoreURL
                let password: CalypsoAPI.Secret?
                do {
                    url = try TeamStoreURL(parsing: teamStore, defaultUser: TeamMode.loginName)
                    password = try StorePassword.resolve(for: url, passwordFile: nil)
                } catch {
                    throw CommandFailure(message: "\(error)", exitCode: ExitStatus.configuration)
                }
                let credentials = Credentials(baseURL: baseURL, account: apiAccount, apiKey: key, apiSecret: Secret(secret))
                let deskStore = try DeskStore.open(dataDirectory: URL(fileURLWithPath: dataDirectory), account: account)
                let team = TeamStore(connector: TeamConnector(url: url, password: password), account: account,
                                     origin: DeskOrigin(operatorName: "bench", host: "desk-\(getpid())"))
                let events = EventHub<DeskEvent>(), pollerEvents = EventHub<DeskEvent>()
                let refresh = Duration.milliseconds(interval)
                let engine = SyncEngine(api: CalypsoClient(credentials: credentials), store: deskStore, events: pollerEvents,
                                        settings: SyncSettings(refreshInterval: refresh))
                let desk = TeamDesk(team: team, store: deskStore, events: events, pollerEvents: pollerEvents, engine: engine,
                                    refreshInterval: refresh)
                let arriving = events.subscribe(), statuses = desk.statusUpdates.subscribe()
                let output = FileHandle.standardOutput
                let printer = Task {
                    for await event in arriving {
                        guard desk.status.role == .following, let key = TeamBenchmark.key(event) else { continue }
                        let micros = Int64(Date().timeIntervalSince1970 * 1_000_000)
                        output.write(Data("event \(micros) \(key)\n".utf8))
                    }
                }
                let roles = Task {
                    var said = TeamStatus.Role.starting
                    for await status in statuses where status.role != said && status.role != .starting {
                        said = status.role
                        output.write(Data("role \(status.role.rawValue)\n".utf8))
                    }
                }
                let loop = Task { await desk.run() }
                await Self.standardInputClosed()
                loop.cancel()
                await loop.value
                printer.cancel()
                roles.cancel()
                output.write(Data("requests \(await engine.statistics.requests)\n".utf8))
                await team.close()
            }
        }

        /// Returns when the benchmark closes this desk's stdin (or ends).
        private static func standardInputClosed() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    while !FileHandle.standardInput.availableData.isEmpty {}
                    continuation.resume()
                }
            }
        }
    }
}
