import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation
import TeamStore

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep the local store fresh without the dashboard (until Ctrl-C or --duration).",
        discussion: "Prints one line per refresh. With --webhook-listen it also receives webhooks (secrets from the config). With --store postgres://… it is a team daemon: it polls when it holds the account's poller lock, follows the team's log otherwise, and stores each webhook once for the team.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Stop after this many seconds.") var duration: Double?
    @Option(name: .customLong("webhook-listen"), help: "Receive webhooks on HOST:PORT.") var webhookListen: String?

    func validate() throws {
        if let duration, !(duration > 0) { throw ValidationError("--duration must be above 0") }
        if let webhookListen, WebhookReceiver.parseListenAddress(webhookListen) == nil {
            throw ValidationError("--webhook-listen must be HOST:PORT, e.g. 127.0.0.1:8088")
        }
    }

    func run() async throws {
        try await runReporting {
            let context = try CommandContext(global)
            let model = try LocalModel(context)
            let settings = SyncSettings(refreshInterval: .milliseconds(Int(context.configuration.refreshInterval * 1000)),
                                        requestsPerSecond: context.configuration.requestBudget)
            if let team = model.team {
                return try await runTeam(context, model: model, team: team, settings: settings)
            }
            let engine = SyncEngine(api: model.client, store: model.store, events: model.events, settings: settings,
                                    logger: model.diagnostics.logger("sync"))
            if let warning = await CurrencyPairsCache.refresh(client: model.client, store: model.store).warning {
                Terminal.printError("warning: \(warning)")
            }
            let receiver = try await WebhookListening.start(webhookListen, context, store: model.store, events: model.events)
            if let receiver { Terminal.printError("receiving webhooks on \(receiver.url.absoluteString)") }
            let statusLines = printStatusLines(of: engine, settings: settings, prefix: "")
            await runUntilStopped(Task { await engine.run() })
            statusLines.cancel()
            await receiver?.stop()
        }
    }

    /// The team daemon: competes for the poller lock, follows the log otherwise, and stores
    /// webhooks once for the team. Prints a line whenever its role or the store's state changes.
    private func runTeam(_ context: CommandContext, model: LocalModel, team: TeamStore, settings: SyncSettings) async throws {
        for line in try await teamCall({ () async throws(TeamStoreError) in try await team.migrate() }) {
            Terminal.printError("team store: " + line)
        }
        let pollerEvents = EventHub<DeskEvent>()
        let engine = SyncEngine(api: model.client, store: model.store, events: pollerEvents, settings: settings,
                                logger: model.diagnostics.logger("sync"))
        let desk = TeamDesk(team: team, store: model.store, events: model.events, pollerEvents: pollerEvents, engine: engine,
                            refreshInterval: settings.refreshInterval)
        let receiver = try await WebhookListening.start(webhookListen, context, store: model.store, events: model.events,
                                                        sink: desk.webhookSink)
        if let receiver { Terminal.printError("receiving webhooks on \(receiver.url.absoluteString) for the team") }
        let statusLines = Task {
            var lastLabel = ""
            for await status in desk.statusUpdates.subscribe() where status.label != lastLabel {
                lastLabel = status.label
                let line = "\(CalypsoDate.format(Date())) team: \(status.label) (log \(status.sequence))"
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
        let engineLines = printStatusLines(of: engine, settings: settings, prefix: "polling ")
        await runUntilStopped(Task { await desk.run() })
        statusLines.cancel()
        engineLines.cancel()
        await receiver?.stop()
        await team.close()
    }

    /// One line per refresh: the connection and the requests it spent.
    private func printStatusLines(of engine: SyncEngine, settings: SyncSettings, prefix: String) -> Task<Void, Never> {
        Task {
            for await status in engine.statusUpdates.subscribe() {
                let statistics = status.statistics
                let line = "\(CalypsoDate.format(Date())) \(prefix)\(status.connection.label)"
                    + " requests \(statistics.lastRefreshRequests)/\(settings.requestsPerRefresh) feed \(statistics.lastFeedRequests)"
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
    }

    /// Runs `loop` for `--duration`, or until SIGINT or SIGTERM, then stops it.
    private func runUntilStopped(_ loop: Task<Void, Never>) async {
        if let duration {
            try? await Task.sleep(for: .milliseconds(Int(duration * 1000)))
        } else {
            await TerminationSignals.wait()
        }
        loop.cancel()
        await loop.value
    }
}
