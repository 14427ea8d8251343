import AsyncHTTPClient
import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import NIOCore
import Testing

/// The receiver hit by real signed POSTs over loopback.
@Suite struct WebhookReceiverTests {
    let publicKey = "0123456789abcdef0123456789abcdef"
    let secret = "fedcba9876543210fedcba9876543210"

    func post(_ url: URL, body: [UInt8], key: String?, sign: String?) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        if let key { request.headers.add(name: "Key", value: key) }
        if let sign { request.headers.add(name: "Sign", value: sign) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    func event(id: Int64, transactionId: String = "t1") -> [UInt8] {
        Array(#"{"requestId":"r1","id":\#(id),"createdDate":"2025-10-30T14:08:39.96068","level":"INFO","service":"CUSTOMER_PURSE","eventType":"CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE","data":{"customerId":"c1","customerBlocked":false,"purseId":"p1","address":"0xa","currency":"ETH","transactionId":"\#(transactionId)","amount":1.25}}"#.utf8)
    }

    func startReceiver() async throws -> (WebhookReceiver, DeskStore) {
        let store = try temporaryStore("webhooks")
        let receiver = WebhookReceiver(host: "127.0.0.1", port: 0, secrets: [publicKey: Secret(secret)], store: store,
                                       events: EventHub(), maxBodyBytes: 4096)
        try await receiver.start()
        return (receiver, store)
    }

    @Test func rejectsForgeriesAndStoresReplaysOnce() async throws {
        let (receiver, store) = try await startReceiver()
        defer { Task { await receiver.stop() } }
        let body = event(id: 1)
        let good = CalypsoSignature.sign(body: body, secret: secret)
        let forged = CalypsoSignature.sign(body: body, secret: "not-the-secret")

        #expect(try await post(receiver.url, body: body, key: publicKey, sign: forged) == 401)
        #expect(try await post(receiver.url, body: body, key: "unknown", sign: good) == 401)
        #expect(try await post(receiver.url, body: body, key: publicKey, sign: nil) == 401)
        #expect(try store.webhookEventCount() == 0 && store.allTransactions().isEmpty)

        #expect(try await post(receiver.url, body: body, key: publicKey, sign: good.uppercased()) == 200)
        #expect(try await post(receiver.url, body: body, key: publicKey, sign: good) == 200)
        #expect(try store.webhookEventCount() == 1 && store.allTransactions().count == 1)
        #expect(receiver.statistics.duplicates == 1 && receiver.statistics.badSignature == 2 && receiver.statistics.unknownKey == 1)
    }

    @Test(.timeLimit(.minutes(1))) func afterAnAccountSwitchDeliveriesGoToTheNewSessionsStore() async throws {
        let (receiver, first) = try await startReceiver()
        defer { Task { await receiver.stop() } }
        let second = try temporaryStore("webhooks-second")
        let secondEvents = EventHub<DeskEvent>()
        let heard = secondEvents.subscribe()

        let before = event(id: 1, transactionId: "t-first")
        #expect(try await post(receiver.url, body: before, key: publicKey, sign: CalypsoSignature.sign(body: before, secret: secret)) == 200)
        receiver.retarget(store: second, events: secondEvents)
        let after = event(id: 2, transactionId: "t-second")
        #expect(try await post(receiver.url, body: after, key: publicKey, sign: CalypsoSignature.sign(body: after, secret: secret)) == 200)

        #expect(try first.allTransactions().map(\.id) == ["t-first"])
        #expect(try second.allTransactions().map(\.id) == ["t-second"])
        var announced = false
        for await event in heard {
            if case .newDeposit(let transaction) = event, transaction.id == "t-second" { announced = true; break }
        }
        #expect(announced)
    }

    @Test func rejectsOversizedAndMalformedBodies() async throws {
        let (receiver, store) = try await startReceiver()
        defer { Task { await receiver.stop() } }
        let huge = Array(repeating: UInt8(ascii: "a"), count: 10_000)
        #expect(try await post(receiver.url, body: huge, key: publicKey, sign: CalypsoSignature.sign(body: huge, secret: secret)) == 413)
        for junk in ["{", "[]", #"{"id":"not a number"}"#, "\u{0}\u{1}"] {
            let bytes = Array(junk.utf8)
            #expect(try await post(receiver.url, body: bytes, key: publicKey, sign: CalypsoSignature.sign(body: bytes, secret: secret)) == 400)
        }
        #expect(try store.webhookEventCount() == 0)
    }

    @Test func sandboxDeliveriesAndPollingMakeOneEvent() async throws {
        let (receiver, store) = try await startReceiver()
        defer { Task { await receiver.stop() } }
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 5
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let client = CalypsoClient(credentials: sandbox.credentials)
        let subscription = try await client.createWebhookSubscription(WebhookSubscriptionCreateRequest(
            requestId: UUID().uuidString.lowercased(), notificationEventTypes: nil, notificationServiceTypes: ["CUSTOMER_PURSE"],
            url: receiver.url.absoluteString))
        receiver.setSecret(Secret(try #require(subscription.secretKey)), forKey: try #require(subscription.publicKey))

        let hub = EventHub<DeskEvent>()
        let seen = Locked<[DeskEvent]>([])
        let events = hub.subscribe()  // before anything is published, not whenever the task starts
        let listener = Task { for await event in events { seen.withLock { $0.append(event) } } }
        defer { listener.cancel() }
        let customer = try #require(await sandbox.state().customers.first)
        let tx = try await sandbox.injectDeposit(customerId: customer.id, currency: "ETH", pacing: .instant)
        #expect(try await eventually { try store.transaction(id: tx.id)?.credited == true })

        let engine = SyncEngine(api: client, store: store, events: hub, settings: SyncSettings(requestsPerSecond: 20))
        #expect(await engine.refreshOnce())
        // Everything the refresh published has reached the listener once a marker sent after it has.
        hub.publish([.customerBlocked(customerId: "marker", blocked: true)])
        #expect(await eventually { seen.current.contains { if case .customerBlocked("marker", _) = $0 { true } else { false } } })
        let aboutTx = seen.current.filter {
            switch $0 {
            case .newDeposit(let record), .stateChanged(let record, _), .credited(let record): record.id == tx.id
            default: false
            }
        }
        #expect(aboutTx.isEmpty, "polling re-reported what the webhooks already stored: \(aboutTx.map(\.kind))")
        #expect(try store.allTransactions().filter { $0.id == tx.id }.count == 1)
        #expect(try store.stateChanges(transactionId: tx.id).allSatisfy { $0.source == .webhook })
    }
}
