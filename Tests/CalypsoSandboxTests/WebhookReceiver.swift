import CalypsoAPI
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A real HTTP endpoint for webhook deliveries that answers 500 to the first `failures` requests
/// and 200 afterwards, keeping what arrived.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        var key: String?
        var sign: String?
        var body: [UInt8]
        var answered: Int
    }

    private let deliveries = Locked<[Delivery]>([])
    private let running = Locked<(port: Int, task: Task<Void, Never>?)>((0, nil))
    private let failures: Int

    init(failing failures: Int = 0) { self.failures = failures }

    func start() async throws {
        let router = Router()
        router.post("/hook") { [self] request, _ -> Response in
            var request = request
            let body = Array(try await request.collectBody(upTo: 1 << 20).readableBytesView)
            let status = record(key: request.headers[HTTPField.Name("Key")!], sign: request.headers[HTTPField.Name("Sign")!],
                                body: body)
            return Response(status: .init(code: status))
        }
        let port: Int = await withCheckedContinuation { continuation in
            var logger = Logger(label: "webhook-receiver")
            logger.logLevel = .critical
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { channel in continuation.resume(returning: channel.localAddress?.port ?? 0) },
                                  logger: logger)
            let task = Task { _ = try? await app.run() }
            running.withLock { $0.task = task }
        }
        running.withLock { $0.port = port }
    }

    func stop() async {
        let task = running.current.task
        task?.cancel()
        await task?.value
    }

    var url: String { "http://127.0.0.1:\(running.current.port)/hook" }
    var received: [Delivery] { deliveries.current }

    private func record(key: String?, sign: String?, body: [UInt8]) -> Int {
        deliveries.withLock { list in
            let status = list.count < failures ? 500 : 200
            list.append(Delivery(key: key, sign: sign, body: body, answered: status))
            return status
        }
    }

    /// Waits until `condition` holds for what arrived, or `seconds` pass.
    func wait(seconds: Double = 5, until condition: ([Delivery]) -> Bool) async -> [Delivery] {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline, !condition(received) { try? await Task.sleep(for: .milliseconds(20)) }
        return received
    }
}
