import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct TransactionFindTests {
    /// Five deposits, one simulated minute apart: amounts 1…5, ETH and TRX alternating, the last declined.
    private func fiveDeposits(_ server: SandboxServer, _ client: CalypsoClient) async throws -> (Customer, [Transaction]) {
        let customer = try await client.createCustomer(CustomerCreateRequest())
        var deposits: [Transaction] = []
        for index in 1...5 {
            await server.advanceClock(seconds: 60)
            deposits.append(try await server.injectDeposit(
                customerId: customer.id, currency: index % 2 == 1 ? "ETH" : "TRX", amount: Amount(Decimal(index)),
                decline: index == 5, pacing: .instant))
        }
        return (customer, deposits)
    }

    @Test func pagesStartAtZeroNewestFirst() async throws {
        try await withSandbox { server, client in
            let (customer, deposits) = try await fiveDeposits(server, client)
            let first = try await client.findTransactions(TransactionFindRequest(customerId: customer.id, pageNumber: 0, pageSize: 2))
            #expect(first.result.map(\.id) == [deposits[4].id, deposits[3].id])
            #expect(first.page == 0 && first.size == 2 && first.total == 3 && first.totalElements == 5)
            let last = try await client.findTransactions(TransactionFindRequest(customerId: customer.id, pageNumber: 2, pageSize: 2))
            #expect(last.result.map(\.id) == [deposits[0].id])
            let beyond = try await client.findTransactions(TransactionFindRequest(customerId: customer.id, pageNumber: 3, pageSize: 2))
            #expect(beyond.result.isEmpty && beyond.totalElements == 5)

            let ascending = try await client.findTransactions(TransactionFindRequest(customerId: customer.id, sort: .asc))
            #expect(ascending.result.map(\.id) == deposits.map(\.id))
            #expect(ascending.size == 20)
        }
    }

    @Test func sortsByAmountAndCapsThePageSize() async throws {
        try await withSandbox { server, client in
            let (customer, deposits) = try await fiveDeposits(server, client)
            let other = try await client.createCustomer(CustomerCreateRequest())
            try await server.injectDeposit(customerId: other.id, currency: "ETH", amount: Amount(Decimal(3)), pacing: .instant)

            let byAmount = try await client.findTransactions(TransactionFindRequest(
                customerId: customer.id, pageSize: 1000, sort: .desc, properties: "amount"))
            #expect(byAmount.result.map(\.amount) == (1...5).reversed().map { Amount(Decimal($0)) })
            #expect(byAmount.size == 500)

            let everyone = try await client.findTransactions(TransactionFindRequest(sort: .asc))
            #expect(everyone.totalElements == 6)
            #expect(everyone.result.first?.id == deposits[0].id)

            let wrong = await #expect(throws: CalypsoError.self) {
                try await client.findTransactions(TransactionFindRequest(properties: "hash"))
            }
            guard case .api(400, "001", _, _)? = wrong else { Issue.record("got \(String(describing: wrong))"); return }
        }
    }

    @Test func filtersNarrowTheResult() async throws {
        try await withSandbox { server, client in
            let (customer, deposits) = try await fiveDeposits(server, client)
            let eth = try await client.findTransactions(TransactionFindRequest(
                customerId: customer.id, currencyFilter: StringFilter(equals: "ETH")))
            #expect(Set(eth.result.map(\.id)) == Set([deposits[0].id, deposits[2].id, deposits[4].id]))

            let confirmedEth = try await client.findTransactions(TransactionFindRequest(
                currencyFilter: StringFilter(in: ["ETH", "BTC"]), transactionStateFilter: StringFilter(notEquals: "DECLINED")))
            #expect(Set(confirmedEth.result.map(\.id)) == Set([deposits[0].id, deposits[2].id]))

            let declined = try await client.findTransactions(TransactionFindRequest(
                customerId: customer.id, transactionStateFilter: StringFilter(in: ["DECLINED"])))
            #expect(declined.result.map(\.id) == [deposits[4].id] && declined.total == 1)

            let tronLike = try await client.findTransactions(TransactionFindRequest(currencyFilter: StringFilter(contains: "tr")))
            #expect(tronLike.totalElements == 2)
        }
    }
}
