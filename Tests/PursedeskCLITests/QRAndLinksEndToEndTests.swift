import Foundation
import Testing
import TmuxDriver

/// `Q` and explorer links in the real binary in tmux: the QR code on screen is decoded by zbarimg,
/// and the bytes the dashboard writes carry OSC 8 links to the explorer.
@Suite(.serialized, .enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct QRAndLinksEndToEndTests {
    @Test func qShowsAScannableCodeOfThePurseAddressAndAddressesAreLinks() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-links-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        try tmux.start()
        tmux.resize(width: 140, height: 40)
        tmux.pipeOutput(to: output)
        tmux.send(":")
        tmux.type("customers")
        tmux.send("Enter")
        try await tmux.expect("Customers 200")
        tmux.send("/")
        tmux.type("customer7@")
        tmux.send("Enter")
        try await tmux.expect("customer7@sandbox.test")
        tmux.send("Enter")
        try await tmux.expect("CURRENCY")
        tmux.send("n")
        try await tmux.expect("New address for customer7@sandbox.test")
        tmux.type("eth")
        tmux.send("Enter")
        try await tmux.expect("ETH address for customer7@sandbox.test")
        let purseRow = try await tmux.expectLine { $0.contains("ETHEREUM") && $0.contains("0x") }
        let address = try #require(purseRow.split(separator: " ").first { $0.hasPrefix("0x") }.map(String.init))
        // The first purse row is selected; make sure it is the ETH one before asking for its code.
        tmux.send("g")

        let written = try await eventually { String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self) } until: {
            $0.contains("\u{1B}]8;;https://etherscan.io/address/")
        }
        #expect(written.contains("\u{1B}]8;;https://etherscan.io/address/\(address)\u{1B}\\"))

        let table = tmux.screen()
        tmux.send("Q")
        try await tmux.expect("any key closes")
        let screen = tmux.screen()
        let shownAddress = try #require(screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
            .first { $0.hasPrefix("0x") || $0.hasPrefix("T") || $0.hasPrefix("bc1") })
        #expect(table.contains(shownAddress), "the overlay shows an address of the purse table")
        #expect(try QRScanner.decode(QRScanner.picture(ofScreenText: screen)) == [shownAddress])
        #expect(screen.contains("▀") || screen.contains("▄"))
        tmux.send("x")
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
