import AsyncHTTPClient
import CalypsoAPI
import DeskModel
import Foundation
import NIOCore

/// Signed webhooks paced at a fixed rate into the receiver over loopback; counts what was stored.
enum WebhookLoadBenchmark {
    static func run(perSecond: Int, seconds: Int, report: BenchReport) async throws {
        let directory = try scratchDirectory("webhooks")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try DeskStore.open(dataDirectory: directory, account: "0xbench")
        let key = "0123456789abcdef0123456789abcdef", secret = "fedcba9876543210fedcba9876543210"
        let receiver = WebhookReceiver(host: "127.0.0.1", port: 0, secrets: [key: Secret(secret)], store: store, events: EventHub())
        try await receiver.start()
        let total = perSecond * seconds
        let clock = ContinuousClock()
        let started = clock.now
        let failures = Locked(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<32 {
                group.addTask {
                    for index in stride(from: lane, to: total, by: 32) {
                        let due = started + .milliseconds(index * 1000 / perSecond)
                        if clock.now < due { try await Task.sleep(until: due, clock: clock) }
                        let body = Array(#"{"requestId":"r","id":\#(index + 1),"createdDate":"2025-10-30T14:08:39.96068","level":"INFO","service":"CUSTOMER_PURSE","eventType":"CUSTOMER_PURSE_MEM_POOL_FOUND","data":{"customerId":"c\#(index % 500)","transactionId":"t\#(index)","amount":1.5,"currency":"ETH"}}"#.utf8)
                        var request = HTTPClientRequest(url: receiver.url.absoluteString)
                        request.method = .POST
                        request.headers.add(name: "Key", value: key)
                        request.headers.add(name: "Sign", value: CalypsoSignature.sign(body: body, secret: secret))
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(30))
                        if response?.status != .ok { failures.withLock { $0 += 1 } }
                        _ = try? await response?.body.collect(upTo: 1 << 16)
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = BenchReport.milliseconds(clock.now - started) / 1000
        await receiver.stop()
        let stored = try store.webhookEventCount()
        report.add("webhooks: \(perSecond)/s signed for \(seconds) s, stored once each", String(format: "%d of %d in %.1f s (%.0f/s)",
                   stored, total, elapsed, Double(stored) / elapsed), target: "none lost, ≥ \(perSecond)/s",
                   met: stored == total && failures.current == 0 && Double(stored) / elapsed >= Double(perSecond) * 0.95)
    }
}
