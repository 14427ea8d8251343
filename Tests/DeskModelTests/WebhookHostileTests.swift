import AsyncHTTPClient
import CalypsoAPI
import DeskModel
import Foundation
import NIOCore
import Testing

/// The webhook receiver under hostile traffic over loopback (sustained load: `pursedesk bench webhooks`,
/// run by PursedeskCLITests).
@Suite struct WebhookHostileTests {
    let publicKey = "0123456789abcdef0123456789abcdef"
    let secret = "fedcba9876543210fedcba9876543210"

    struct Attack: Sendable {
        var body: [UInt8]
        var key: String?
        var sign: String?
        var expected: Int
        /// The event id a 200 stores (nil when nothing may be stored).
        var storedId: Int64?
    }

    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
    }

    func event(id: Int64, data: String = #"{"customerId":"c1","transactionId":"t-ID","amount":1.5,"currency":"ETH"}"#) -> [UInt8] {
        Array(#"{"requestId":"r","id":\#(id),"createdDate":"2025-10-30T14:08:39.96068","level":"INFO","service":"CUSTOMER_PURSE","eventType":"CUSTOMER_PURSE_MEM_POOL_FOUND","data":\#(data.replacingOccurrences(of: "ID", with: String(id)))}"#.utf8)
    }

    func attack(_ index: Int, _ random: inout Generator, maxBody: Int) -> Attack {
        let signed = { (body: [UInt8]) in CalypsoSignature.sign(body: body, secret: secret) }
        switch random.below(8) {
        case 0:
            let body = random.bytes(random.below(2000))
            return Attack(body: body, key: publicKey, sign: signed(body), expected: 400)
        case 1:
            let body = Array(repeating: UInt8(ascii: "{"), count: maxBody + 1 + random.below(50_000))
            return Attack(body: body, key: publicKey, sign: signed(body), expected: 413)
        case 2:
            let depth = 600 + random.below(3000)
            let body = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            return Attack(body: body, key: publicKey, sign: signed(body), expected: depth * 2 > maxBody ? 413 : 400)
        case 3:
            let wrong = [#"{"id":"abc","eventType":7,"data":[]}"#, #"{"id":{"x":1}}"#, #"{"id":1,"data":"text"}"#, "null", "42", #""string""#]
            let body = Array(wrong[random.below(wrong.count)].utf8)
            return Attack(body: body, key: publicKey, sign: signed(body), expected: 400)
        case 4:
            let body = event(id: Int64(1_000_000 + index))
            return Attack(body: body, key: publicKey, sign: CalypsoSignature.sign(body: body, secret: "forged"), expected: 401)
        case 5:
            let body = event(id: Int64(2_000_000 + index))
            return Attack(body: body, key: "ffffffffffffffffffffffffffffffff", sign: signed(body), expected: 401)
        case 6:
            let id = Int64(random.below(50))  // replays of a small set of real events
            let body = event(id: id)
            return Attack(body: body, key: publicKey, sign: signed(body), expected: 200, storedId: id)
        default:
            let body = event(id: Int64(100 + index))
            return Attack(body: body, key: publicKey, sign: random.below(2) == 0 ? nil : "", expected: 401)
        }
    }

    func send(_ attack: Attack, to url: URL) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        if let key = attack.key { request.headers.add(name: "Key", value: key) }
        if let sign = attack.sign { request.headers.add(name: "Sign", value: sign) }
        request.body = .bytes(ByteBuffer(bytes: attack.body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try? await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    @Test func tenThousandHostileRequests() async throws {
        let store = try temporaryStore("hostile")
        let maxBody = 64 * 1024
        let receiver = WebhookReceiver(host: "127.0.0.1", port: 0, secrets: [publicKey: Secret(secret)], store: store, events: EventHub(),
                                       maxBodyBytes: maxBody)
        try await receiver.start()
        defer { Task { await receiver.stop() } }
        var random = Generator(state: 2026)
        let attacks = (0..<10_000).map { attack($0, &random, maxBody: maxBody) }
        let wrong = Locked<[String]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<16 {
                group.addTask {
                    for index in stride(from: lane, to: attacks.count, by: 16) {
                        let status = try await send(attacks[index], to: receiver.url)
                        if status != attacks[index].expected {
                            wrong.withLock { $0.append("#\(index): \(status) not \(attacks[index].expected)") }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(wrong.current.isEmpty, "\(wrong.current.count) wrong answers: \(wrong.current.prefix(5))")
        let legitimate = Set(attacks.compactMap(\.storedId))
        #expect(try store.webhookEventCount() == legitimate.count, "something forged or replayed was stored")
        #expect(try store.allTransactions().count == legitimate.count)
        #expect(try store.integrityCheck() == "ok")
    }
}
