import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct WebhookTests {
    @Test func subscriptionsAreListedCreatedAndDeleted() async throws {
        try await withSandbox { _, client in
            let created = try await client.createWebhookSubscription(WebhookSubscriptionCreateRequest(
                requestId: "a381f753-3079-4214-9720-b416fc35ca10", notificationEventTypes: nil,
                notificationServiceTypes: ["CUSTOMER_PURSE"], url: "http://127.0.0.1:9/hook"))
            #expect(created.publicKey?.count == 32 && created.secretKey?.count == 32)
            #expect(created.publicKey != created.secretKey)
            #expect(try await client.webhookSubscriptions().map(\.requestId) == [created.requestId])

            try await client.deleteWebhookSubscription(requestId: created.requestId)
            #expect(try await client.webhookSubscriptions().isEmpty)
            let again = await #expect(throws: CalypsoError.self) {
                try await client.deleteWebhookSubscription(requestId: created.requestId)
            }
            guard case .notFound? = again else { Issue.record("got \(String(describing: again))"); return }
        }
    }

    @Test func deliveriesAreSignedRetriedAndCarryTheBlockedFlag() async throws {
        let receiver = WebhookReceiver(failing: 1)
        try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withSandbox { server, client in
            let subscription = try await client.createWebhookSubscription(WebhookSubscriptionCreateRequest(
                requestId: "sub-1", notificationEventTypes: nil, notificationServiceTypes: ["CUSTOMER_PURSE"], url: receiver.url))
            let customer = try await client.createCustomer(CustomerCreateRequest())
            _ = try await client.blockCustomer(id: customer.id)
            let deposit = try await server.injectDeposit(customerId: customer.id, currency: "USDT_BSC", pacing: .instant)

            let arrived = await receiver.wait { deliveries in deliveries.filter { $0.answered == 200 }.count >= 4 }
            let accepted = arrived.filter { $0.answered == 200 }
            #expect(accepted.count == 4)
            #expect(arrived.first?.answered == 500)

            var envelopes: [WebhookEnvelope] = []
            for delivery in accepted {
                #expect(delivery.key == subscription.publicKey)
                #expect(CalypsoSignature.verify(body: delivery.body, secret: subscription.secretKey ?? "", signature: delivery.sign ?? ""))
                envelopes.append(try JSONDecoder().decode(WebhookEnvelope.self, from: Data(delivery.body)))
                let raw = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any])
                let created = try #require(raw["createdDate"] as? String)
                #expect(created.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$"#, options: .regularExpression) != nil)
            }
            // The failed first try is sent again byte for byte.
            let retried = try #require(arrived.first)
            #expect(accepted.contains { $0.body == retried.body })

            #expect(Set(envelopes.map(\.eventType)) == [.memPoolFound, .pendingCompliance, .fundsReceived, .translationCompleted])
            #expect(envelopes.allSatisfy { $0.service == "CUSTOMER_PURSE" && $0.level == "INFO" && $0.requestId == "sub-1" })
            #expect(Set(envelopes.map(\.id)).count == 4)
            let funds = try #require(envelopes.first { $0.eventType == .fundsReceived })
            #expect(funds.data.customerBlocked == true)
            #expect(funds.data.transactionId == deposit.id && funds.data.customerId == customer.id)
            #expect(funds.data.transactionState == .confirmed && funds.data.amount == deposit.amount)

            // The receiver answers before the sandbox counts the answer, so wait for the count to settle.
            var statistics = await server.webhookStatistics()
            let deadline = ContinuousClock.now + .seconds(10)
            while statistics.pending > 0 || statistics.delivered < 4, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                statistics = await server.webhookStatistics()
            }
            #expect(statistics.delivered == 4 && statistics.failedAttempts == 1 && statistics.pending == 0)
        }
    }

    @Test func expiryIsAnnouncedToTheStartupSubscription() async throws {
        let receiver = WebhookReceiver()
        try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withSandbox({ $0.webhookURL = receiver.url }) { server, client in
            let subscription = try #require(server.startupSubscription)
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let purse = try await client.depositAddress(customerId: customer.id, currency: "BTC")
            await server.advanceClock(seconds: 31 * 86_400)

            let arrived = await receiver.wait { !$0.isEmpty }
            let delivery = try #require(arrived.first)
            #expect(CalypsoSignature.verify(body: delivery.body, secret: subscription.secretKey ?? "", signature: delivery.sign ?? ""))
            let envelope = try JSONDecoder().decode(WebhookEnvelope.self, from: Data(delivery.body))
            #expect(envelope.eventType == .purseExpired)
            #expect(envelope.data.purseId == purse.id && envelope.data.address == purse.address)
            #expect(envelope.data.customerBlocked == false)
        }
    }
}
