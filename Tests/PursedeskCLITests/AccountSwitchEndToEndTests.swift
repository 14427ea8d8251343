import CalypsoSandbox
import Foundation
import Testing
import TmuxDriver

/// `:accounts` in the real binary on the embedded sandbox, which serves two accounts with
/// deposits arriving on both: switching back and forth never shows one account's data in the other.
/// The first account's seeded customers are `…@sandbox.test`, the second's `…@shop2.sandbox.test`.
@Suite(.enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct AccountSwitchEndToEndTests {
    /// The emails on screen, by account: (first account's, second account's).
    static func emails(_ screen: String) -> (first: Int, second: Int) {
        let lines = screen.split(separator: "\n")
        return (lines.filter { $0.contains("@sandbox.t") }.count, lines.filter { $0.contains("@shop2.") }.count)
    }

    func expectOnly(second: Bool, _ tmux: TmuxDashboard, _ what: String) async {
        let screen = await tmux.screen()
        let (first, other) = Self.emails(screen)
        #expect(second ? first == 0 && other > 0 : other == 0 && first > 0, "\(what): mixed or missing data\n\(screen)")
    }

    func switchAccount(_ tmux: TmuxDashboard, down: Bool) async throws {
        await tmux.send(":")
        await tmux.type("accounts")
        await tmux.send("Enter")
        try await tmux.expect("Accounts 2")
        try await tmux.expectLine { $0.hasPrefix("*") && $0.contains(down ? "Sandbox account " : "Sandbox account 2") }
        await tmux.send(down ? "Down" : "Up")
        await tmux.send("Enter")
        try await tmux.expectLine { $0.contains("switched to Sandbox account") && $0.contains("account 2") == down }
    }

    @Test func switchingBackAndForthWhileDepositsArriveNeverMixesData() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        await tmux.resize(width: 150, height: 40)
        try await tmux.expect("Customers 200")
        try await tmux.expect("pursedesk Sandbox account 0x")
        await expectOnly(second: false, tmux, "start")

        for round in 1...2 {
            try await switchAccount(tmux, down: true)
            try await tmux.expect("pursedesk Sandbox account 2 0x")
            try await tmux.expect("Customers 200")
            try await tmux.expect("@shop2.")
            await expectOnly(second: true, tmux, "customers of the second account, round \(round)")
            await tmux.send(":")
            await tmux.type("feed")
            await tmux.send("Enter")
            try await tmux.expect("Live feed")
            try await tmux.expectLine(timeout: 45) { $0.contains("@shop2.") }
            await expectOnly(second: true, tmux, "feed of the second account, round \(round)")

            await tmux.send("Up")
            try await switchAccount(tmux, down: false)
            try await tmux.expectGone("Sandbox account 2")
            try await tmux.expect("Customers 200")
            try await tmux.expect("@sandbox.test")
            await expectOnly(second: false, tmux, "customers of the first account, round \(round)")
            await tmux.send(":")
            await tmux.type("feed")
            await tmux.send("Enter")
            try await tmux.expect("Live feed")
            try await tmux.expectLine(timeout: 45) { $0.contains("@sandbox.t") }
            await expectOnly(second: false, tmux, "feed of the first account, round \(round)")
            await tmux.send("q")
        }
        try await tmux.quitAndExpectShellFromAnyView()
    }

    @Test func accountOptionOpensTheSecondAccountAndReadOnlyStaysReadOnly() async throws {
        // The embedded sandbox uses the default seed, so its accounts are these.
        let accounts = SandboxServer(configuration: SandboxConfiguration()).accounts.map(\.account)
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(arguments: ["--readonly", "--account", accounts[1].uppercased().replacingOccurrences(of: "0X", with: "0x")])
        await tmux.resize(width: 150, height: 40)
        try await tmux.expect("pursedesk Sandbox account 2 0x")
        try await tmux.expect("READ-ONLY")
        try await tmux.expect("@shop2.")
        await expectOnly(second: true, tmux, "started on the second account")

        await tmux.send(":")
        await tmux.type("accounts")
        await tmux.send("Enter")
        try await tmux.expectLine { $0.hasPrefix("*") && $0.contains("Sandbox account 2") }
        await tmux.send("Up")
        await tmux.send("Enter")
        try await tmux.expect("switched to Sandbox account", timeout: 30)
        try await tmux.expectGone("Sandbox account 2")
        try await tmux.expect("@sandbox.test")
        try await tmux.expect("READ-ONLY")
        await expectOnly(second: false, tmux, "switched to the first account")
        await tmux.send("c")
        await tmux.send(":")
        await tmux.type("accounts")
        await tmux.send("Enter")
        try await tmux.expect("Accounts 2")
        #expect(await !tmux.screen().contains("New customer"), "read-only offered a new customer after the switch")
        try await tmux.quitAndExpectShellFromAnyView()
    }
}
