import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct DepositLifecycleTests {
    @Test func manuallySteppedDepositWalksEveryState() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest(email: "walk@example.test"))
            let injected = try await server.injectDeposit(customerId: customer.id, currency: "ETH", amount: Amount("1.25"),
                                                          pacing: .manual)

            var seen = try await client.transaction(id: injected.id)
            #expect(seen.transactionState == .memPoolFound && seen.complianceState == .unchecked)
            #expect(seen.transactionHash == nil && !seen.translationToAccountCompleted)
            #expect(seen.amount == Amount("1.25") && seen.currency == "ETH" && seen.customerId == customer.id)

            try await server.stepDeposit(id: injected.id)
            seen = try await client.transaction(id: injected.id)
            #expect(seen.transactionState == .pendingComplianceCheck && seen.complianceState == .inProgress)
            #expect(seen.transactionHash?.count == 66)

            try await server.stepDeposit(id: injected.id)
            seen = try await client.transaction(id: injected.id)
            #expect(seen.transactionState == .confirmed && seen.complianceState == .checked)
            #expect(!seen.translationToAccountCompleted)

            try await server.stepDeposit(id: injected.id)
            seen = try await client.transaction(id: injected.id)
            #expect(seen.translationToAccountCompleted)

            await #expect(throws: SandboxAPIError.badRequest("Transaction \(injected.id) is already in its final state")) {
                try await server.stepDeposit(id: injected.id)
            }
        }
    }

    @Test func scheduledDepositMovesAsSimulatedTimePasses() async throws {
        try await withSandbox({ $0.traffic.stepSeconds = 5 }) { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let injected = try await server.injectDeposit(customerId: customer.id, currency: "TRX")
            await server.advanceClock(seconds: 4)
            #expect(try await client.transaction(id: injected.id).transactionState == .memPoolFound)

            let advanced = try await admin(server, "POST", "/sandbox/clock/advance", #"{"seconds":1}"#)
            #expect(advanced.status == 200)
            #expect(try await client.transaction(id: injected.id).transactionState == .pendingComplianceCheck)

            await server.advanceClock(seconds: 10)
            let final = try await client.transaction(id: injected.id)
            #expect(final.transactionState == .confirmed && final.translationToAccountCompleted)
            #expect(final.transactionHash?.count == 64)
        }
    }

    @Test func declinedDepositDeclinesItsPurseOnly() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let eth = try await client.depositAddress(customerId: customer.id, currency: "ETH")
            let bsc = try await client.depositAddress(customerId: customer.id, currency: "USDT_BSC")
            let declined = try await server.injectDeposit(customerId: customer.id, currency: "USDT_ERC20", decline: true,
                                                          pacing: .instant)

            let seen = try await client.transaction(id: declined.id)
            #expect(seen.transactionState == .declined && seen.complianceState == .decline)
            #expect(!seen.translationToAccountCompleted)
            #expect(seen.purseId == eth.id)

            let purses = try await client.purses(customerId: customer.id)
            #expect(purses.first { $0.id == eth.id }?.status == .declined)
            #expect(purses.first { $0.id == bsc.id }?.status == .pendingPayment)

            let next = try await client.depositAddress(customerId: customer.id, currency: "ETH")
            #expect(next.id != eth.id && next.address != eth.address)
            #expect(try await client.depositAddress(customerId: customer.id, currency: "BNB").id == bsc.id)
        }
    }

    @Test func blockedCustomerStillReceivesFunds() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            #expect(try await client.blockCustomer(id: customer.id).blocked)
            let deposit = try await server.injectDeposit(customerId: customer.id, currency: "BTC", pacing: .instant)
            let seen = try await client.transaction(id: deposit.id)
            #expect(seen.transactionState == .confirmed && seen.translationToAccountCompleted)
            #expect(seen.address?.hasPrefix("bc1") == true)
            #expect(try await client.unblockCustomer(id: customer.id).blocked == false)
        }
    }

    @Test func injectionOverHTTPChecksItsInput() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let reply = try await admin(server, "POST", "/sandbox/deposits",
                                        #"{"customerId":"\#(customer.id)","currency":"POL","amount":"12.5","instant":true}"#)
            #expect(reply.status == 200)
            let transaction = try JSONDecoder().decode(Transaction.self, from: Data(reply.body))
            #expect(transaction.amount == Amount("12.5") && transaction.translationToAccountCompleted)

            let unknown = try await admin(server, "POST", "/sandbox/deposits", #"{"customerId":"nope","currency":"POL"}"#)
            #expect(unknown.status == 400 && unknown.json["errorCode"] as? String == "004")
            let unsupported = try await admin(server, "POST", "/sandbox/deposits",
                                              #"{"customerId":"\#(customer.id)","currency":"DOGE"}"#)
            #expect(unsupported.json["errorCode"] as? String == "001")
        }
    }

    @Test func generatedTrafficReachesEveryFinalState() async throws {
        try await withSandbox({
            $0.seedCustomers = 20
            $0.traffic = TrafficSettings(enabled: true, depositsPerSecond: 50, declineShare: 0.3, blockedShare: 0.3, stepSeconds: 0.05)
            $0.clock = ScaledClock(scale: 1)
        }) { server, _ in
            // Until every final state has occurred (about a second at 50 deposits/s), however busy the machine.
            let deadline = ContinuousClock.now + .seconds(30)
            var counts = await server.counts()
            while ContinuousClock.now < deadline, counts.transactions < 20 || counts.transactionsByState["CONFIRMED", default: 0] == 0
                    || counts.transactionsByState["DECLINED", default: 0] == 0 || counts.declinedPurses == 0 {
                try await Task.sleep(for: .milliseconds(100))
                counts = await server.counts()
            }
            #expect(counts.transactions >= 20)
            #expect(counts.transactionsByState["CONFIRMED", default: 0] > 0)
            #expect(counts.transactionsByState["DECLINED", default: 0] > 0)
            #expect(counts.declinedPurses > 0)
            let state = await server.state()
            let blockedIds = Set(state.customers.filter(\.blocked).map(\.id))
            #expect(state.transactions.contains { blockedIds.contains($0.customerId ?? "") })
        }
    }
}
