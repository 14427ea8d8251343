import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct PurseLifecycleTests {
    @Test func addressIsStableAndSharedAcrossEVMChains() async throws {
        try await withSandbox { _, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let eth = try await client.depositAddress(customerId: customer.id, currency: "ETH")
            let bsc = try await client.depositAddress(customerId: customer.id, currency: "USDT_BSC")
            let pol = try await client.depositAddress(customerId: customer.id, currency: "POL")
            #expect(try await client.depositAddress(customerId: customer.id, currency: "ETH").id == eth.id)
            #expect(try await client.depositAddress(customerId: customer.id, currency: "USDT_ERC20").id == eth.id)
            #expect(eth.address == bsc.address && bsc.address == pol.address)
            #expect(Set([eth.id, bsc.id, pol.id]).count == 3)
            let address = try #require(eth.address)
            #expect(address.count == 42 && address.hasPrefix("0x"))

            let tron = try #require(try await client.depositAddress(customerId: customer.id, currency: "USDT_TRX").address)
            #expect(tron.count == 34 && tron.hasPrefix("T"))
            let bitcoin = try #require(try await client.depositAddress(customerId: customer.id, currency: "BTC").address)
            #expect(bitcoin.hasPrefix("bc1q"))

            let other = try await client.createCustomer(CustomerCreateRequest())
            #expect(try await client.depositAddress(customerId: other.id, currency: "ETH").address != eth.address)

            let all = try await client.purses(customerId: customer.id)
            #expect(all.count == 5)
            #expect(all.allSatisfy { $0.status == .pendingPayment && $0.blockchain != nil && $0.expiryDate != nil })
        }
    }

    @Test func purseExpiresAfterThirtyDaysWithoutDeposit() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let first = try await client.depositAddress(customerId: customer.id, currency: "ETH")
            await server.advanceClock(seconds: 30 * 86_400 - 60)
            #expect(try await client.depositAddress(customerId: customer.id, currency: "ETH").id == first.id)

            await server.advanceClock(seconds: 120)
            let purses = try await client.purses(customerId: customer.id)
            #expect(purses.first { $0.id == first.id }?.status == .archived)
            let renewed = try await client.depositAddress(customerId: customer.id, currency: "ETH")
            #expect(renewed.id != first.id && renewed.address != first.address)
            #expect(renewed.status == .pendingPayment)
            #expect(await server.counts().archivedPurses == 1)
        }
    }

    @Test func confirmedDepositKeepsThePurseForAYear() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let purse = try await client.depositAddress(customerId: customer.id, currency: "TRX")
            await server.advanceClock(seconds: 20 * 86_400)
            try await server.injectDeposit(customerId: customer.id, currency: "USDT_TRX", pacing: .instant)
            await server.advanceClock(seconds: 300 * 86_400)
            #expect(try await client.depositAddress(customerId: customer.id, currency: "TRX").id == purse.id)
            await server.advanceClock(seconds: 66 * 86_400)
            let listed = try await client.purses(customerId: customer.id)
            #expect(listed.first { $0.id == purse.id }?.status == .archived)
        }
    }

    @Test func badInputGetsTheDocumentedCodes() async throws {
        try await withSandbox { _, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let unsupported = await #expect(throws: CalypsoError.self) {
                try await client.depositAddress(customerId: customer.id, currency: "DOGE")
            }
            guard case .api(400, "001", _, _)? = unsupported else { Issue.record("got \(String(describing: unsupported))"); return }
            let unknown = await #expect(throws: CalypsoError.self) {
                try await client.depositAddress(customerId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", currency: "ETH")
            }
            guard case .notFound? = unknown else { Issue.record("got \(String(describing: unknown))"); return }
            let missingTransaction = await #expect(throws: CalypsoError.self) { try await client.transaction(id: "nope") }
            guard case .notFound? = missingTransaction else { Issue.record("got \(String(describing: missingTransaction))"); return }
        }
    }

    @Test func purseGetIsAnAliasOfAddressGet() async throws {
        try await withSandbox { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest())
            let purse = try await client.depositAddress(customerId: customer.id, currency: "POL")
            let body = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds()),"payload":{"customerId":"\#(customer.id)","currency":"POL"}}"#
            let reply = try await signedRequest(server, "/api/v1/customer-purse/purse/get", body: body)
            #expect(reply.json["id"] as? String == purse.id && reply.json["address"] as? String == purse.address)
        }
    }
}
