import CalypsoAPI
import Foundation
import Hummingbird
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
    private let task = Locked<Task<Void, Never>?>(nil)
    private let failures: Int
    let port: Int

    private init(failures: Int, port: Int) {
        self.failures = failures
        self.port = port
    }

    static func start(failing failures: Int = 0) async throws -> WebhookReceiver {
        let router = Router()
        let box = Locked<WebhookReceiver?>(nil)
        router.post("/hook") { request, _ -> Response in
            var request = request
            let body = Array(try await request.collectBody(upTo: 1 << 20).readableBytesView)
            let status = box.current?.record(key: request.headers[HTTPField.Name("Key")!],
                                             sign: request.headers[HTTPField.Name("Sign")!], body: body) ?? 500
            return Response(status: .init(code: status))
        }
        let port: Int = try await withCheckedThrowingContinuation { continuation in
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { channel in continuation.resume(returning: channel.localAddress!.port!) })
            let running = Task { try? await app.run() }
            box.withLock { _ in _ = running }
            box.withLock { $0 = nil }
            Self.pending.withLock { $0 = running }
        }
        let receiver = WebhookReceiver(failures: failures, port: port)
        receiver.task.withLock { $0 = Self.pending.withLock { task in defer { task = nil }; return task } }
        box.withLock { $0 = receiver }
        return receiver
    }

    private static let pending = Locked<Task<Void, Never>?>(nil)

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var received: [Delivery] { deliveries.current }

    private func record(key: String?, sign: String?, body: [UInt8]) -> Int {
        deliveries.withLock { list in
            let status = list.count < failures ? 500 : 200
            list.append(Delivery(key: key, sign: sign, body: body, answered: status))
            return status
        }
    }

    func stop() async {
        let running = task.current
        running?.cancel()
        await running?.value
    }

    /// Waits until `condition` holds for what arrived, or `seconds` pass.
    func wait(seconds: Double = 5, until condition: ([Delivery]) -> Bool) async -> [Delivery] {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline, !condition(received) { try? await Task.sleep(for: .milliseconds(20)) }
        return received
    }
}
