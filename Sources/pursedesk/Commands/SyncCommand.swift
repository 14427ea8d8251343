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
            let engine = SyncEngine(api: model.client, store: model.store, events: model.events, settings: settings)
            let receiver = try await startReceiver(context, model)
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

    private func startReceiver(_ context: CommandContext, _ model: LocalModel) async throws -> WebhookReceiver? {
        guard let address = webhookListen ?? context.configuration.webhookListen else { return nil }
        guard let (host, port) = WebhookReceiver.parseListenAddress(address) else {
            throw CommandFailure(message: "webhook_listen must be HOST:PORT, not \(address)", exitCode: ExitStatus.configuration)
        }
        if context.configuration.webhookSecrets.isEmpty {
            Terminal.printError("warning: no webhook_secrets configured; every delivery will be refused")
        }
        let receiver = WebhookReceiver(host: host, port: port, secrets: context.configuration.webhookSecrets, store: model.store,
                                       events: model.events)
        do {
            try await receiver.start()
        } catch {
            throw CommandFailure(message: "cannot listen for webhooks on \(address): \(error)", exitCode: 1)
        }
        Terminal.printError("receiving webhooks on \(receiver.url.absoluteString)")
        return receiver
    }
}
