import AsyncHTTPClient
import CalypsoAPI
import Foundation
import NIOCore

/// Sends every event to every interested subscription: the 10.2 envelope, signed with the
/// subscription's secret over the exact bytes sent, tried again after anything but a 200.
actor WebhookDispatcher {
    private var book: WebhookSubscriptionBook
    private let retryScale: Double
    private var lastEventId: Int64 = 0
    private var statistics = WebhookStatistics()
    private var deliveries: [Int64: Task<Void, Never>] = [:]

    init(seed: UInt64, retryScale: Double) {
        book = WebhookSubscriptionBook(seed: seed)
        self.retryScale = retryScale
    }

    var subscriptions: [WebhookSubscription] { book.subscriptions }
    var currentStatistics: WebhookStatistics { statistics }

    func create(_ request: WebhookSubscriptionCreateRequest, at date: Date) throws(SandboxAPIError) -> WebhookSubscription {
        try book.create(request, at: date)
    }

    func delete(requestId: String) throws(SandboxAPIError) {
        try book.delete(requestId: requestId)
    }

    func publish(_ event: SandboxEvent) {
        for subscription in book.subscribers(of: event.eventType) {
            lastEventId += 1
            let envelope = WebhookEnvelope(requestId: subscription.requestId, id: lastEventId, createdDate: event.date,
                                           level: "INFO", service: "CUSTOMER_PURSE", eventType: event.eventType, data: event.data)
            guard let body = try? SandboxWorld.encoder.encode(envelope) else { continue }
            let id = lastEventId
            statistics.pending += 1
            deliveries[id] = Task.detached { [retryScale, weak self] in
                let delivered = await Self.deliver(Array(body), to: subscription, retryScale: retryScale) { [weak self] in
                    await self?.recordFailedAttempt()
                }
                await self?.finish(id, delivered: delivered)
            }
        }
    }

    func stop() {
        for task in deliveries.values { task.cancel() }
        deliveries.removeAll()
    }

    private func recordFailedAttempt() { statistics.failedAttempts += 1 }

    private func finish(_ id: Int64, delivered: Bool) {
        guard deliveries.removeValue(forKey: id) != nil else { return }
        statistics.pending -= 1
        if delivered { statistics.delivered += 1 } else { statistics.abandoned += 1 }
    }

    /// The first try and up to 19 retries; true once the receiver answered 200.
    private static func deliver(_ body: [UInt8], to subscription: WebhookSubscription, retryScale: Double,
                                failed: @Sendable () async -> Void) async -> Bool {
        var request = HTTPClientRequest(url: subscription.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Key", value: subscription.publicKey ?? "")
        request.headers.add(name: "Sign", value: CalypsoSignature.sign(body: body, secret: subscription.secretKey ?? ""))
        request.body = .bytes(ByteBuffer(bytes: body))
        for gap in [0] + WebhookRetrySchedule.gaps {
            if gap > 0 {
                do { try await Task.sleep(for: .milliseconds(Int64(gap * retryScale * 1000))) } catch { return false }
            }
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)) {
                _ = try? await response.body.collect(upTo: 1024 * 1024)
                if response.status.code == 200 { return true }
            }
            if Task.isCancelled { return false }
            await failed()
        }
        return false
    }
}
