import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct AdminTests {
    private static func withoutDate(_ transaction: Transaction) -> Transaction {
        var copy = transaction
        copy.createdDate = nil
        return copy
    }

    @Test func stateOverHTTPMatchesTheInProcessTruth() async throws {
        try await withSandbox({ $0.seedCustomers = 30; $0.seedTransactions = 200 }) { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest(email: "live@example.test"))
            try await server.injectDeposit(customerId: customer.id, currency: "ETH", decline: true, pacing: .instant)

            let reply = try await admin(server, "GET", "/sandbox/state")
            #expect(reply.status == 200)
            let overHTTP = try JSONDecoder().decode(SandboxState.self, from: Data(reply.body))
            let inProcess = await server.state()
            // Dates travel with millisecond precision, so they are compared to the millisecond.
            #expect(overHTTP.transactions.map(Self.withoutDate) == inProcess.transactions.map(Self.withoutDate))
            #expect(zip(overHTTP.transactions, inProcess.transactions).allSatisfy {
                abs(($0.createdDate ?? .distantPast).timeIntervalSince($1.createdDate ?? .distantFuture)) < 0.002
            })
            #expect(overHTTP.customers == inProcess.customers)
            #expect(overHTTP.purses.map { [$0.customerId, $0.purse.id, $0.purse.address, $0.purse.status?.rawValue] }
                == inProcess.purses.map { [$0.customerId, $0.purse.id, $0.purse.address, $0.purse.status?.rawValue] })
            #expect(overHTTP.counts == inProcess.counts)
            #expect(inProcess.counts.customers == 31 && inProcess.counts.transactions == 201)
            #expect(inProcess.counts.transactionsByState == ["CONFIRMED": 200, "DECLINED": 1])
            #expect(inProcess.purses.contains { $0.customerId == customer.id && $0.purse.status == .declined })

            // Seeded history is served by the API like any other deposit, in date order.
            let page = try await client.findTransactions(TransactionFindRequest(pageSize: 500, sort: .asc))
            #expect(page.result.map(\.id) == inProcess.transactions.map(\.id))
            let dates = page.result.compactMap(\.createdDate)
            #expect(dates == dates.sorted())
        }
    }

    @Test func seedingOverHTTPAddsCustomers() async throws {
        try await withSandbox { server, client in
            let reply = try await admin(server, "POST", "/sandbox/seed", #"{"customers":12,"transactions":40}"#)
            let counts = try JSONDecoder().decode(SandboxCounts.self, from: Data(reply.body))
            #expect(counts.customers == 12 && counts.transactions == 40)
            let someone = try #require(await server.state().customers.first)
            let found = try await client.findTransactions(TransactionFindRequest(customerId: someone.id, pageSize: 500))
            #expect(found.result.allSatisfy { $0.customerId == someone.id })
        }
    }

    @Test func seedingAHundredThousandCustomersIsFast() async throws {
        try await withSandbox { server, _ in
            let started = ContinuousClock.now
            let counts = await server.seed(customers: 100_000)
            let elapsed = ContinuousClock.now - started
            #expect(counts.customers == 100_000)
            #expect(elapsed < .seconds(2), "seeding took \(elapsed)")
        }
    }

    @Test func sameSeedGivesTheSameWorld() async throws {
        var configuration = SandboxConfiguration()
        configuration.seed = 42
        configuration.seedCustomers = 5
        configuration.traffic.enabled = false
        let one = SandboxServer(configuration: configuration)
        let two = SandboxServer(configuration: configuration)
        configuration.seed = 43
        let three = SandboxServer(configuration: configuration)
        #expect(one.apiSecret == two.apiSecret && one.apiSecret != three.apiSecret)
        await one.seed(customers: 5)
        await two.seed(customers: 5)
        await three.seed(customers: 5)
        #expect(await one.state().customers.map(\.id) == two.state().customers.map(\.id))
        #expect(await one.state().customers.map(\.id) != three.state().customers.map(\.id))
    }

    @Test func unknownAdminPathIs404AndBadBodiesAre001() async throws {
        try await withSandbox { server, _ in
            #expect(try await admin(server, "GET", "/sandbox/nothing").status == 404)
            let bad = try await admin(server, "POST", "/sandbox/clock/advance", #"{"seconds":"soon"}"#)
            #expect(bad.status == 400 && bad.json["errorCode"] as? String == "001")
        }
    }

    @Test func exchangePairsServeTheCurrencyTable() async throws {
        try await withSandbox { _, client in
            let pairs = try await client.exchangePairs()
            let usable = Dictionary(uniqueKeysWithValues: pairs.usableCurrencies.map { ($0.currency, $0.blockchain) })
            #expect(usable.count == 8)
            #expect(usable["USDT_BSC"] == "BSC" && usable["POL"] == "POLYGON" && usable["BTC"] == "BITCOIN")
        }
    }

    @Test func customerUpdateKeepsOmittedFields() async throws {
        try await withSandbox { _, client in
            let customer = try await client.createCustomer(CustomerCreateRequest(email: "a@example.test", description: "first",
                                                                                 externalId: "ext-9"))
            let updated = try await client.updateCustomer(CustomerUpdateRequest(id: customer.id, description: "second"))
            #expect(updated.email == "a@example.test" && updated.description == "second" && updated.externalId == "ext-9")
        }
    }

    @Test func dateHeaderFollowsTheSkew() async throws {
        try await withSandbox({ $0.faults.clockSkewSeconds = -3600 }) { server, _ in
            let reply = try await admin(server, "GET", "/sandbox/faults")
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            let date = try #require(formatter.date(from: reply.header("Date") ?? ""))
            #expect(abs(date.timeIntervalSinceNow + 3600) < 5)
        }
    }
}
