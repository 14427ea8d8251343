import DeskModel
import Foundation

/// Starts the webhook receiver when `--webhook-listen` or the config's `webhook_listen` asks for it.
enum WebhookListening {
    static func start(_ flag: String?, _ context: CommandContext, store: DeskStore,
                      events: EventHub<DeskEvent>, sink: (any WebhookSink)? = nil) async throws -> WebhookReceiver? {
        guard let address = flag ?? context.configuration.webhookListen else { return nil }
        guard let (host, port) = WebhookReceiver.parseListenAddress(address) else {
            throw CommandFailure(message: "webhook_listen must be HOST:PORT, not \(address)", exitCode: ExitStatus.configuration)
        }
        if context.configuration.webhookSecrets.isEmpty {
            Terminal.printError("warning: no webhook_secrets configured; every delivery will be refused")
        }
        let receiver = WebhookReceiver(host: host, port: port, secrets: context.configuration.webhookSecrets, store: store, events: events,
                                       sink: sink, logger: context.diagnostics.logger("webhooks"))
        do {
            try await receiver.start()
        } catch {
            throw CommandFailure(message: "cannot listen for webhooks on \(address): \(error)", exitCode: 1)
        }
        return receiver
    }
}
