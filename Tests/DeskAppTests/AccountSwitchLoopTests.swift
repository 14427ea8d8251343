import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI
import TestScratch

/// `:accounts` and the live switch in the loop, on two real stores whose customers keep arriving
/// while the operator switches back and forth: nothing of one account may reach the other's screen.
@Suite struct AccountSwitchLoopTests {
    static let accountA = "0x" + String(repeating: "a", count: 40)
    static let accountB = "0x" + String(repeating: "b", count: 40)

    struct Directory: AccountDirectory {
        let sessions: [String: DeskSession]
        let opened = Locked<[String]>([])

        func availableAccounts() async throws -> [CurrentUser.AvailableAccount] {
            [.init(account: AccountSwitchLoopTests.accountA, name: "Shop A"), .init(account: AccountSwitchLoopTests.accountB, name: "Shop B")]
        }

        func open(account: String) async throws -> DeskSession {
            opened.withLock { $0.append(account) }
            guard let session = sessions[account] else { throw UnknownAccount() }
            return session
        }
    }

    struct UnknownAccount: Error {}

    static func session(_ account: String, domain: String, customers: Int) throws -> DeskSession {
        let directory = ScratchRoot.url.appendingPathComponent("pursedesk-switch-\(UUID().uuidString)")
        let store = try DeskStore.open(dataDirectory: directory, account: account)
        _ = try store.importCustomers((1...customers).map {
            Customer(id: UUID().uuidString.lowercased(), email: "c\($0)@\(domain)", blocked: false)
        })
        let events = EventHub<DeskEvent>()
        let client = CalypsoClient(credentials: Credentials(baseURL: URL(string: "http://127.0.0.1:9")!, account: account,
                                                           apiKey: "key", apiSecret: Secret("secret")))
        return DeskSession(account: account, source: .embeddedSandbox, store: store,
                           engine: SyncEngine(api: client, store: store, events: events), events: events, actions: nil,
                           currencies: [], refreshInterval: .seconds(2))
    }

    @Test func switchingBackAndForthWhileCustomersArriveOnBothNeverMixes() async throws {
        let sessionA = try Self.session(Self.accountA, domain: "a.test", customers: 3)
        let sessionB = try Self.session(Self.accountB, domain: "b.test", customers: 5)
        let directory = Directory(sessions: [Self.accountA: sessionA, Self.accountB: sessionB])
        let mailbox = Mailbox(eventInterval: .zero)
        let switcher = SessionSwitcher(session: sessionA, directory: directory, mailbox: mailbox) { session, post in
            CommandExecutor(session: session, themes: ThemeCatalog(environment: [:]), post: post)
        }
        defer { switcher.stop() }
        let backend = TestBackend(width: 120, height: 30)
        var setup = Fixtures.setup(width: 120, height: 30, readOnly: true)
        setup.account = Self.accountA
        setup.now = Date()
        let loop = DashboardLoop(state: AppState(setup), backend: backend, mailbox: mailbox, switcher: switcher)

        // Both accounts keep getting new customers, written to their stores and announced on their hubs.
        let arrivals = Task.detached {
            var number = 100
            while !Task.isCancelled {
                number += 1
                for (session, domain) in [(sessionA, "a.test"), (sessionB, "b.test")] {
                    let events = try? session.store.upsertCustomer(
                        Customer(id: UUID().uuidString.lowercased(), email: "n\(number)@\(domain)", blocked: false), origin: .created)
                    session.events.publish(events ?? [])
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        defer { arrivals.cancel() }

        func screen() -> String { backend.lastFrame?.textLines.joined(separator: "\n") ?? "" }
        func stepUntil(_ condition: (String) -> Bool) async -> Bool {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                loop.step(keyTimeout: .zero)
                if condition(screen()) { return true }
                try? await Task.sleep(for: .milliseconds(5))
            }
            return false
        }
        func press(_ keys: Key...) { for key in keys { backend.pendingKeys.append(key); loop.step(keyTimeout: .zero) } }
        func command(_ text: String) {
            press(.character(":"))
            for character in text { press(.character(character)) }
            press(.enter)
        }

        #expect(await stepUntil { $0.contains("Shop A") && $0.contains("@a.test") })
        for round in 1...3 {
            for (account, mine, other, move) in [("Shop B", "@b.test", "@a.test", Key.down), ("Shop A", "@a.test", "@b.test", Key.up)] {
                command("accounts")
                #expect(await stepUntil { $0.contains("Accounts 2") && $0.contains("Shop B") }, "round \(round): \(screen())")
                press(move, .enter)
                #expect(await stepUntil { $0.contains("switched to \(account)") && $0.contains(mine) }, "round \(round): \(screen())")
                // Keep stepping while the other account's customers keep arriving: none may appear.
                for _ in 0..<40 {
                    loop.step(keyTimeout: .zero)
                    #expect(!screen().contains(other), "round \(round), on \(account): \(screen())")
                    #expect(!loop.state.data.customers.allSummaries.contains { $0.email?.hasSuffix(other.dropFirst()) == true },
                            "round \(round): the other account's customer is in the data")
                    try? await Task.sleep(for: .milliseconds(5))
                }
                #expect(screen().contains("pursedesk \(account)"))
            }
        }
        #expect(directory.opened.current == [Self.accountB, Self.accountA, Self.accountB, Self.accountA, Self.accountB, Self.accountA])
    }
}
