import Foundation
import Testing
import TmuxDriver
import TestScratch

/// The real `pursedesk` binary in a real terminal (tmux), on the embedded sandbox, driven with
/// send-keys and read with capture-pane, the way an operator would use it.
@Suite(.enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct DashboardEndToEndTests {
    @Test func customersFilterDetailAndNewAddress() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        try await tmux.expect("SANDBOX")
        await tmux.send("/")
        await tmux.type("customer42@")
        await tmux.send("Enter")
        try await tmux.expect("Customers 1/200")
        try await tmux.expect("customer42@sandbox.test")
        await tmux.send("Enter")
        try await tmux.expect("CURRENCY")
        try await tmux.expect("Deposits")
        await tmux.send("n")
        try await tmux.expect("New address for customer42@sandbox.test")
        await tmux.type("usdt_trx")
        await tmux.send("Enter")
        _ = try await tmux.expectLine { $0.contains("USDT_TRX T") && $0.contains("y copies it") }
        let purseRow = try await tmux.expectLine { $0.contains("USDT_TRX") && $0.contains("TRON") && $0.contains("ACTIVE") }
        #expect(purseRow.contains(" T"), "a TRON address starts with T: \(purseRow)")
        await tmux.send("Escape")
        try await tmux.expect("Customers 1/200")
        try await tmux.quitAndExpectShell()
    }

    @Test func blockNeedsYAndUnblockWorks() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        await tmux.send("c")
        try await tmux.expect("New customer")
        await tmux.type("e2e-block@example.com")
        await tmux.send("Enter")
        try await tmux.expect("created customer e2e-block@example.com")
        await tmux.send("/")
        await tmux.type("e2e-block")
        await tmux.send("Enter")
        try await tmux.expect("Customers 1/201")
        func row() async throws -> String { try await tmux.expectLine { $0.contains("e2e-block@example.com") && !$0.contains("Block") } }

        await tmux.send("b")
        try await tmux.expect("[y] Block")
        try await tmux.sendAndSettle("Enter")
        #expect(await tmux.screen().contains("press y to block"))
        #expect(try await !row().contains("BLOCKED"))
        try await tmux.sendAndSettle("n")
        #expect(await tmux.screen().contains("block cancelled"))
        #expect(await !tmux.screen().contains("[y] Block"))
        #expect(try await !row().contains("BLOCKED"))

        await tmux.send("b")
        try await tmux.expect("[y] Block")
        await tmux.send("y")
        try await tmux.expect("blocked e2e-block@example.com")
        try await tmux.expectLine { $0.contains("e2e-block@example.com") && $0.contains("BLOCKED") }

        await tmux.send("u")
        try await tmux.expect("[y] Unblock")
        await tmux.send("y")
        try await tmux.expect("unblocked e2e-block@example.com")
        try await tmux.expectLine { $0.contains("e2e-block@example.com") && !$0.contains("BLOCKED") && !$0.contains("Unblock") }
        try await tmux.quitAndExpectShell()
    }

    @Test func blockReasonAndNoteReachTheDetailAndTheAuditLog() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        await tmux.send("c")
        try await tmux.expect("New customer")
        await tmux.type("e2e-notes@example.com")
        await tmux.send("Enter")
        try await tmux.expect("created customer e2e-notes@example.com")
        await tmux.send("/")
        await tmux.type("e2e-notes")
        await tmux.send("Enter")
        try await tmux.expect("Customers 1/201")

        await tmux.send("b")
        try await tmux.expect("[tab] reason")
        await tmux.send("Tab")
        try await tmux.expect("typing the reason")
        // "y" and "n" inside the reason are text, not answers.
        await tmux.type("T-123 by phone, no")
        try await tmux.expect("T-123 by phone, no")
        await tmux.send("Enter")
        try await tmux.expect("[y] Block")
        await tmux.send("y")
        try await tmux.expect("blocked e2e-notes@example.com")

        await tmux.send("Enter")
        try await tmux.expect("Case notes 1")
        try await tmux.expect("blocked: T-123 by phone, no")
        await tmux.send("N")
        try await tmux.expect("Case note on e2e-notes@example.com")
        await tmux.type("called back, wants a refund")
        await tmux.send("Enter")
        try await tmux.expect("note saved on e2e-notes@example.com")
        try await tmux.expect("Case notes 2")
        try await tmux.expectLine { $0.contains("called back, wants a refund") && !$0.contains("Note") }

        await tmux.send(":")
        await tmux.type("audit")
        await tmux.send("Enter")
        try await tmux.expectLine { $0.contains("customer.block") && $0.contains("reason: T-123 by phone") }
        try await tmux.expectLine { $0.contains("customer.note") && $0.contains("called back") }
        try await tmux.quitAndExpectShellFromAnyView()
    }

    @Test func feedShowsStateChangesAndSurvivesResizing() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        await tmux.send(":")
        await tmux.type("feed")
        await tmux.send("Enter")
        try await tmux.expect("Live feed")
        try await tmux.expect("MEMPOOL → COMPLIANCE", timeout: 45)
        try await tmux.expectLine { $0.contains("CONFIRMED") || $0.contains("DECLINED") }

        await tmux.resize(width: 40, height: 12)
        try await tmux.expect("Live feed")
        try await tmux.expect("SANDBOX") // the redrawn 40-column header (the old frame, cut by tmux, has it past column 40)
        let small = await tmux.screen()
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(small.contains("SANDBOX"))
        await tmux.resize(width: 100, height: 30)
        try await tmux.expect("CUSTOMER")
        await tmux.send("q")
        try await tmux.expect("Customers 200")
        try await tmux.quitAndExpectShell()
    }

    @Test func opensOnTheOverviewAndAcknowledgesAlerts() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(arguments: [])
        try await tmux.expect("Overview")
        try await tmux.expect("ACT/ARC/DEC")
        try await tmux.expectLine { $0.contains("USDT_TRX") && $0.contains("TRON") }
        // The sandbox raises alerts for deposits to blocked customers; wait for one.
        let header = try await tmux.expectLine(timeout: 90) { line in
            line.contains("alerts ") && !line.contains("alerts 0") && line.contains("customers")
        }
        await tmux.send(":")
        await tmux.type("alerts")
        await tmux.send("Enter")
        try await tmux.expect("unacknowledged")
        await tmux.send("/")
        await tmux.type("ack:no")
        await tmux.send("Enter")
        await tmux.send("a")
        try await tmux.expect("acknowledged")
        try await tmux.expectLine { $0.contains("customers") && $0.contains("alerts") && $0 != header }
        await tmux.send("Escape")
        await tmux.send("Escape")
        try await tmux.expect("Overview")
        await tmux.send("Enter")
        try await tmux.expect("Live feed")
        try await tmux.expect("filter currency:")
        try await tmux.quitAndExpectShellFromAnyView()
    }

    @Test func unknownCommandIsExplained() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start()
        try await tmux.expect("Customers 200")
        await tmux.send(":")
        await tmux.type("nonsense")
        await tmux.send("Enter")
        try await tmux.expect("unknown command :nonsense")
        await tmux.send("?")
        try await tmux.expect("This view (customers)")
        await tmux.send("Escape")
        try await tmux.quitAndExpectShell()
    }
}

/// A shell in a 100×30 tmux window, and the dashboard started in it with no Calypso credentials
/// (so: the embedded sandbox).
final class TmuxDashboard {
    static let tmuxPath = TmuxServer.executable

    private let home: URL
    private var server: TmuxServer?

    /// `XDG_DATA_HOME` of the dashboard: the demo keeps its stores under it.
    var dataHome: URL { home.appendingPathComponent("data") }

    init() throws {
        home = ScratchRoot.url.appendingPathComponent("pursedesk-e2e-\(UUID().uuidString)")
        for directory in ["data", "config", "home"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
    }

    /// Opens on the customers list unless `arguments` say otherwise (`[]`: the overview).
    func start(environment extra: [String: String] = [:], arguments: [String] = ["--view", "customers"]) async throws {
        let environment = ["PATH": "/usr/bin:/bin", "HOME": home.appendingPathComponent("home").path, "PS1": "$ ",
                           "TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(extra) { $1 }
        let server = try TmuxServer(command: ["bash", "--norc", "--noprofile"], environment: environment)
        self.server = server
        await relaunch(arguments: arguments)
    }

    /// Starts the dashboard again in the same shell (after it quit), with the same data.
    func relaunch(arguments: [String]) async {
        let command = "PURSEDESK_IDLE_FILE=\(idleFile.path) "
            + "XDG_DATA_HOME=\(home.appendingPathComponent("data").path) XDG_CONFIG_HOME=\(home.appendingPathComponent("config").path) "
            + ([PursedeskBinary.url.path] + arguments).joined(separator: " ")
        await tmux.type(command)
        await tmux.send("Enter")
    }

    private var tmux: TmuxServer {
        guard let server else { preconditionFailure("start() first") }
        return server
    }

    /// Where the dashboard reports `idle KEYS MESSAGES` (PURSEDESK_IDLE_FILE).
    var idleFile: URL { home.appendingPathComponent("idle") }

    /// Keys the dashboard had handled when it was last idle.
    func keysHandled() -> Int {
        guard let text = try? String(contentsOf: idleFile, encoding: .utf8) else { return 0 }
        let words = text.split(separator: " ")
        return words.count >= 2 ? Int(words[1]) ?? 0 : 0
    }

    /// Sends a key and waits until the dashboard has handled it and has nothing in flight (its busy
    /// count, as lazygit's tests do), so what is on screen then is its answer.
    func sendAndSettle(_ key: String, timeout: TimeInterval = 15) async throws {
        let before = keysHandled()
        await send(key)
        try await settle(keys: before + 1, timeout: timeout)
    }

    /// Waits until the dashboard was idle after handling `keys` keys in all.
    func settle(keys: Int, timeout: TimeInterval = 15) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while keysHandled() < keys {
            guard Date() < deadline else { throw TimeoutError(description: "the dashboard did not become idle after key \(keys)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    struct TimeoutError: Error, CustomStringConvertible {
        var description: String
    }

    func screen() async -> String { await tmux.screen() }
    /// Appends everything the dashboard writes to the terminal to `file`.
    func pipeOutput(to file: URL) async { await tmux.pipeOutput(to: file) }
    func send(_ key: String) async { await tmux.send(key) }
    func type(_ text: String) async { await tmux.type(text) }
    func resize(width: Int, height: Int) async { await tmux.resize(width: width, height: height) }
    func expect(_ text: String, timeout: TimeInterval = 30) async throws { try await tmux.expect(text, timeout: timeout) }
    func expectGone(_ text: String, timeout: TimeInterval = 10) async throws { try await tmux.expectGone(text, timeout: timeout) }

    @discardableResult
    func expectLine(timeout: TimeInterval = 30, _ matches: (String) -> Bool) async throws -> String {
        try await tmux.expectLine(timeout: timeout, matches)
    }

    /// `q` from the top view, then the shell must answer.
    func quitAndExpectShell() async throws {
        await send("q")
        try await expectShell()
    }

    /// `:q` quits from any view; then the shell must answer.
    func quitAndExpectShellFromAnyView() async throws {
        await send(":")
        await type("q")
        await send("Enter")
        try await expectGone("every 2s")
        try await expectShellAnswers()
    }

    /// The dashboard is gone and the shell answers a command: the terminal was given back.
    func expectShell() async throws {
        try await expectGone("SANDBOX")
        try await expectShellAnswers()
    }

    /// The shell runs a command typed at its prompt.
    func expectShellAnswers() async throws {
        await type("echo READY-$((1+1))")
        await send("Enter")
        try await expect("READY-2", timeout: 15)
    }

    /// Where the dashboard keeps its data in this run.
    var dataDirectory: URL { home.appendingPathComponent("data") }

    /// The terminal as the shell finds it after the dashboard: cursor shown, main screen back.
    var terminalRestored: Bool {
        get async {
            let cursorShown = await tmux.paneFormat("cursor_flag") == "1"
            let mainScreen = await tmux.paneFormat("alternate_on") == "0"
            return cursorShown && mainScreen
        }
    }

    /// The dashboard's process: the shell's child.
    var dashboardPID: Int32? {
        get async { await Self.firstChild(of: Int32(tmux.paneFormat("pane_pid"))) }
    }

    private static func firstChild(of shell: Int32?) -> Int32? {
        guard let shell,
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    func kill() {
        server?.kill()
        try? FileManager.default.removeItem(at: home)
    }
}
