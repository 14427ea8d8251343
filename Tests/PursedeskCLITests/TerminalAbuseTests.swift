import Foundation
import Testing
import TmuxDriver

/// The dashboard under terminal abuse, in tmux: every case must leave a working shell with the
/// cursor shown and the main screen back.
@Suite(.enabled(if: TmuxServer.isAvailable, "tmux is not on PATH; CI installs it"))
struct TerminalAbuseTests {
    @Test func hundredRapidResizesAndATinyWindow() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        for index in 0..<100 {
            await tmux.resize(width: 20 + (index * 37) % 140, height: 6 + (index * 11) % 40)
        }
        await tmux.resize(width: 20, height: 10)
        try await tmux.expectLine { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(await tmux.screen().split(separator: "\n").allSatisfy { $0.count <= 20 })
        await tmux.send("?")
        await tmux.send("Escape")
        await tmux.resize(width: 100, height: 30)
        try await tmux.expect("Customers 200")
        try await tmux.quitAndExpectShell()
        #expect(await tmux.terminalRestored)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "vt100", "linux"])
    func runsOn(term: String) async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(environment: ["TERM": term])
        try await tmux.expect("Customers 200")
        await tmux.send("q")
        // vt100 and linux have no alternate screen: the last frame stays above the prompt there.
        try await tmux.expectShellAnswers()
        #expect(await tmux.terminalRestored)
    }

    @Test func plainCLocale() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(environment: ["LANG": "C", "LC_ALL": "C"])
        try await tmux.expect("Customers 200")
        try await tmux.quitAndExpectShell()
        #expect(await tmux.terminalRestored)
    }

    @Test func dumbTerminalIsRefusedClearly() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(environment: ["TERM": "dumb"])
        try await tmux.expectLine { $0.contains("pursedesk") && $0.lowercased().contains("terminal") }
        await tmux.type("echo status-$?")
        await tmux.send("Enter")
        try await tmux.expect("status-1")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func signalWhileADialogIsOpen(signal: Int32) async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        await tmux.send("b")
        try await tmux.expect("[y] Block")
        let pid = try #require(await tmux.dashboardPID)
        kill(pid, signal)
        try await tmux.expectGone("SANDBOX")
        await tmux.type("echo exit-was-$?")
        await tmux.send("Enter")
        try await tmux.expect("exit-was-\(128 + signal)")
        #expect(await tmux.terminalRestored)
    }
}
