import Foundation
import Testing
import TmuxDriver
import TestScratch

/// `Q` and explorer links in the real binary in tmux: the QR code on screen is decoded by zbarimg,
/// and the bytes the dashboard writes carry OSC 8 links to the explorer.
@Suite(.enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct QRAndLinksEndToEndTests {
    @Test func qShowsAScannableCodeOfThePurseAddressAndAddressesAreLinks() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        let output = ScratchRoot.url.appendingPathComponent("pursedesk-links-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        try await tmux.start()
        await tmux.resize(width: 140, height: 40)
        await tmux.pipeOutput(to: output)
        await tmux.send(":")
        await tmux.type("customers")
        await tmux.send("Enter")
        try await tmux.expect("Customers 200")
        await tmux.send("/")
        await tmux.type("customer7@")
        await tmux.send("Enter")
        try await tmux.expect("customer7@sandbox.test")
        await tmux.send("Enter")
        try await tmux.expect("CURRENCY")
        await tmux.send("n")
        try await tmux.expect("New address for customer7@sandbox.test")
        await tmux.type("eth")
        await tmux.send("Enter")
        _ = try await tmux.expectLine { $0.contains("ETH 0x") && $0.contains("y copies it") }
        let purseRow = try await tmux.expectLine { $0.contains("ETHEREUM") && $0.contains("0x") }
        let address = try #require(purseRow.split(separator: " ").first { $0.hasPrefix("0x") }.map(String.init))
        // The first purse row is selected; make sure it is the ETH one before asking for its code.
        await tmux.send("g")

        let written = try await eventually { String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self) } until: {
            $0.contains("\u{1B}]8;;https://etherscan.io/address/")
        }
        #expect(written.contains("\u{1B}]8;;https://etherscan.io/address/\(address)\u{1B}\\"))

        let table = await tmux.screen()
        await tmux.send("Q")
        try await tmux.expect("any key closes")
        let screen = await tmux.screen()
        let shownAddress = try #require(screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
            .first { $0.hasPrefix("0x") || $0.hasPrefix("T") || $0.hasPrefix("bc1") })
        #expect(table.contains(shownAddress), "the overlay shows an address of the purse table")
        #expect(try await QRScanner.decode(QRScanner.picture(ofScreenText: screen)) == [shownAddress])
        #expect(screen.contains("▀") || screen.contains("▄"))
        await tmux.send("x")
        try await tmux.expectGone("any key closes")
        try await tmux.quitAndExpectShellFromAnyView()
    }

    private func eventually(_ read: () throws -> String, until done: (String) -> Bool, timeout: TimeInterval = 15) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try read()
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        return last
    }
}
