import DeskModel
import Foundation
import Testing
import TmuxDriver

/// From a live deposit to its customer and a new address, in the real binary on the embedded
/// sandbox: `C` on a feed line, `n` twice (NEW, then the EXISTING active address, as Calypso
/// answers it), and `y` right after, which writes the address as OSC 52 to the terminal.
@Suite(.serialized, .enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct DepositWorkflowEndToEndTests {
    @Test func fromAFeedLineToItsCustomerThenNewThenExistingAddressCopied() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-copy-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        try await tmux.start(arguments: ["--view", "feed"])
        await tmux.resize(width: 140, height: 40)
        await tmux.pipeOutput(to: output)
        // A line whose customer has an email (the feed shows it in place of the id).
        _ = try await tmux.expectLine { $0.contains("@sandbox.test") }
        await tmux.send("p")
        try await tmux.expect("PAUSED")
        await tmux.send("/")
        await tmux.type("customer:customer1")
        await tmux.send("Enter")
        let line = try await tmux.expectLine { $0.contains("@sandbox.test") && !$0.contains("filter") }
        #expect(await tmux.screen().split(separator: "\n").filter { $0.contains("@sandbox.test") }.allSatisfy { $0.contains(" customer1") })
        let email = try #require(line.split(separator: " ").first { $0.contains("@sandbox.test") }.map(String.init))
        try await tmux.sendAndSettle("C")
        try await tmux.expect("Deposits")
        try await tmux.expect(email)
        #expect(await tmux.screen().contains("Customer "))

        await tmux.send("n")
        try await tmux.expect("New address for")
        await tmux.type("usdt_trx")
        await tmux.send("Enter")
        _ = try await tmux.expectLine { $0.contains("USDT_TRX T") && $0.contains("y copies it") }
        await tmux.send("n")
        try await tmux.expect("New address for")
        await tmux.type("usdt_trx")
        await tmux.send("Enter")
        let answer = try await tmux.expectLine { $0.contains("EXISTING USDT_TRX T") && $0.contains("no new one issued") }
        let address = try #require(answer.split(separator: " ").first { $0.hasPrefix("T") && $0.count > 20 }.map(String.init))
        try await tmux.sendAndSettle("y")
        try await tmux.expect("copied \(address)")
        let sequence = "\u{1B}]52;c;\(Data(address.utf8).base64EncodedString())\u{07}"
        let deadline = Date().addingTimeInterval(10)
        var written = ""
        repeat {
            written = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
            if written.contains(sequence) { break }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        #expect(written.contains(sequence))
        try await tmux.quitAndExpectShellFromAnyView()
    }

    /// The demo caches `exchange/pairs` like the real-API path, so every purse row names its chain
    /// (before, the demo's purses showed `—` under CHAIN unless the sandbox's answer carried one).
    @Test func theDemoCachesTheCurrencyPairsSoPursesNameTheirChain() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(arguments: ["--view", "customers"])
        try await tmux.expect("new demo data, kept in")
        try await tmux.quitAndExpectShellFromAnyView()
        let files = FileManager.default.enumerator(at: tmux.dataHome, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let storeFile = try #require(files.first { $0.pathExtension == "sqlite" }, "no store under \(tmux.dataHome.path)")
        let store = try DeskStore.open(dataDirectory: storeFile.deletingLastPathComponent(),
                                       account: storeFile.deletingPathExtension().lastPathComponent)
        let pairs = try store.currencyPairs()
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { $0.blockchain != nil }, "\(pairs)")

        // A restart says it continues; --fresh says it started over (it said "kept in" both times).
        await tmux.relaunch(arguments: ["--view", "customers"])
        try await tmux.expect("demo data continued from")
        try await tmux.quitAndExpectShellFromAnyView()
        await tmux.relaunch(arguments: ["--view", "customers", "--fresh"])
        try await tmux.expect("--fresh: new demo data in")
        try await tmux.quitAndExpectShellFromAnyView()
    }
}
