import CalypsoAPI
@testable import CalypsoSandbox
import Foundation
import Testing

/// One API key, several merchant accounts, each with a world of its own.
@Suite struct AccountsTests {
    @Test func userCurrentListsEveryAccountWithItsNameTheKeyAccountFirst() async throws {
        try await withSandbox({ $0.accountCount = 3 }) { server, client in
            let user = try await client.currentUser()
            #expect(user.availableAccounts.map(\.account) == server.accounts.map(\.account))
            #expect(user.availableAccounts.map(\.name) == ["Sandbox account", "Sandbox account 2", "Sandbox account 3"])
            #expect(user.availableAccounts.first?.account == server.account)
            #expect(Set(server.accounts.map(\.account)).count == 3)
            #expect(server.accounts.allSatisfy { $0.account.count == 42 && $0.account.hasPrefix("0x") })
        }
    }

    @Test func addingAccountsKeepsTheFirstAccountAndKey() {
        var one = SandboxConfiguration()
        one.accountCount = 1
        let single = SandboxServer(configuration: one)
        let double = SandboxServer(configuration: SandboxConfiguration())
        #expect(single.accounts.count == 1 && double.accounts.count == 2)
        #expect(single.account == double.account && single.apiKey == double.apiKey && single.apiSecret == double.apiSecret)
    }

    @Test func requestsForAccountBSeeOnlyBsWorld() async throws {
        try await withSandbox({ $0.seedCustomers = 3 }) { server, clientA in
            let accountB = server.accounts[1].account
            let clientB = CalypsoClient(credentials: server.credentials(account: accountB))
            let made = try await clientB.createCustomer(CustomerCreateRequest(email: "b@example.com", externalId: "B-1"))
            _ = try await server.injectDeposit(customerId: try #require(await server.state().customers.first).id,
                                               currency: "USDT_BSC", pacing: .instant)

            let stateA = await server.state()
            let stateB = try #require(await server.state(account: accountB))
            #expect(!stateA.customers.contains { $0.id == made.id })
            #expect(stateB.customers.contains { $0.id == made.id })
            #expect(Set(stateA.customers.map(\.id)).isDisjoint(with: stateB.customers.map(\.id)))
            #expect(stateA.transactions.count == 1 && stateB.transactions.isEmpty)

            // Over HTTP: B's customer is unknown to A, and A's deposit is invisible to B.
            await #expect(throws: CalypsoError.self) { _ = try await clientA.purses(customerId: made.id) }
            #expect(try await clientB.purses(customerId: made.id).isEmpty)
            #expect(try await clientB.findTransactions(TransactionFindRequest(pageSize: 100)).result.isEmpty)
            #expect(try await clientA.findTransactions(TransactionFindRequest(pageSize: 100)).result.count == 1)
        }
    }

    @Test func anAccountTheKeyDoesNotServeIsRefused() async throws {
        try await withSandbox { server, _ in
            let stranger = "0x" + String(repeating: "ab", count: 20)
            let body = #"{"account":"\#(stranger)","timestamp":\#(nowMilliseconds()),"payload":{"email":"x@example.com"}}"#
            let reply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: body)
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "002")
            #expect(await server.state(account: stranger) == nil)
        }
    }

    @Test func trafficArrivesOnEveryAccount() async throws {
        try await withSandbox({ configuration in
            configuration.seedCustomers = 5
            configuration.clock = nil
            configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 50, declineShare: 0, blockedShare: 0, stepSeconds: 1)
        }) { server, _ in
            let deadline = ContinuousClock.now + .seconds(10)
            var counts: [Int] = []
            repeat {
                try await Task.sleep(for: .milliseconds(100))
                counts = []
                for account in server.accounts { counts.append(await server.state(account: account.account)?.transactions.count ?? 0) }
            } while counts.contains(0) && ContinuousClock.now < deadline
            #expect(counts.count == 2 && !counts.contains(0))
        }
    }

    @Test func theAnnouncementNamesEveryAccount() async throws {
        try await withSandbox({ $0.accountCount = 3 }) { server, _ in
            let text = SandboxCommandRunner.announcement(for: server, json: false).joined(separator: "\n")
            #expect(server.accounts.dropFirst().allSatisfy { text.contains("also        \($0.account)  (\($0.name);") }, "\(text)")
            let line = SandboxCommandRunner.announcement(for: server, json: true)[0]
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect((json?["accounts"] as? [[String: Any]])?.compactMap { $0["account"] as? String } == server.accounts.map(\.account))
            #expect(json?["account"] as? String == server.account)
        }
    }
}
