import ArgumentParser
import CalypsoAPI
import DeskModel
import Foundation

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep the local store fresh without the dashboard (until Ctrl-C or --duration).",
        discussion: "Prints one line per refresh. With --webhook-listen it also receives webhooks (secrets from the config).")
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
            let engine = SyncEngine(api: model.client, store: model.store, events: model.events, settings: settings,
                                    logger: model.diagnostics.logger("sync"))
            if let warning = await CurrencyPairsCache.refresh(client: model.client, store: model.store).warning {
                Terminal.printError("warning: \(warning)")
            }
            let receiver = try await WebhookListening.start(webhookListen, context, store: model.store, events: model.events)
            if let receiver { Terminal.printError("receiving webhooks on \(receiver.url.absoluteString)") }
            let statusLines = Task {
                for await status in engine.statusUpdates.subscribe() {
                    let statistics = status.statistics
                    let line = "\(CalypsoDate.format(Date())) \(status.connection.label)"
                        + " requests \(statistics.lastRefreshRequests)/\(settings.requestsPerRefresh) feed \(statistics.lastFeedRequests)"
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            }
            let loop = Task { await engine.run() }
            if let duration {
                try? await Task.sleep(for: .milliseconds(Int(duration * 1000)))
            } else {
                await TerminationSignals.wait()
            }
            loop.cancel()
            await loop.value
            statusLines.cancel()
            await receiver?.stop()
        }
    }
}
