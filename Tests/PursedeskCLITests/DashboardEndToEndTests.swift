import Foundation
import Testing

/// The real `pursedesk` binary in a real terminal (tmux), on the embedded sandbox, driven with
/// send-keys and read with capture-pane, the way an operator would use it.
@Suite(.serialized, .enabled(if: TmuxDashboard.tmuxPath != nil, "tmux is not on PATH; CI installs it"))
struct DashboardEndToEndTests {
    @Test func customersFilterDetailAndNewAddress() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try tmux.start()
        try await tmux.expect("Customers 200")
        try await tmux.expect("SANDBOX")
        tmux.send("/")
        tmux.type("customer42@")
        tmux.send("Enter")
        try await tmux.expect("Customers 1/200")
        try await tmux.expect("customer42@sandbox.test")
        tmux.send("Enter")
        try await tmux.expect("CURRENCY")
        try await tmux.expect("Deposits")
        tmux.send("n")
        try await tmux.expect("New address for customer42@sandbox.test")
        tmux.type("usdt_trx")
        tmux.send("Enter")
        try await tmux.expect("USDT_TRX address for customer42@sandbox.test")
        let purseRow = try await tmux.expectLine { $0.contains("USDT_TRX") && $0.contains("TRON") && $0.contains("ACTIVE") }
        #expect(purseRow.contains(" T"), "a TRON address starts with T: \(purseRow)")
        tmux.send("Escape")
        try await tmux.expect("Customers 1/200")
        try await tmux.quitAndExpectShell()
    }

    @Test func blockNeedsYAndUnblockWorks() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try tmux.start()
        try await tmux.expect("Customers 200")
        tmux.send("c")
        try await tmux.expect("New customer")
        tmux.type("e2e-block@example.com")
        tmux.send("Enter")
        try await tmux.expect("created customer e2e-block@example.com")
        tmux.send("/")
        tmux.type("e2e-block")
        tmux.send("Enter")
        try await tmux.expect("Customers 1/201")
        func row() async throws -> String { try await tmux.expectLine { $0.contains("e2e-block@example.com") && !$0.contains("Block") } }

        tmux.send("b")
        try await tmux.expect("[y] Block")
        tmux.send("Enter")
        try await tmux.expect("press y to block")
        #expect(try await !row().contains("BLOCKED"))
        tmux.send("n")
        try await tmux.expect("block cancelled")
        try await tmux.expectGone("[y] Block")
        #expect(try await !row().contains("BLOCKED"))

        tmux.send("b")
        try await tmux.expect("[y] Block")
        tmux.send("y")
        try await tmux.expect("blocked e2e-block@example.com")
        try await tmux.expectLine { $0.contains("e2e-block@example.com") && $0.contains("BLOCKED") }

        tmux.send("u")
        try await tmux.expect("[y] Unblock")
        tmux.send("y")
        try await tmux.expect("unblocked e2e-block@example.com")
        try await tmux.expectLine { $0.contains("e2e-block@example.com") && !$0.contains("BLOCKED") && !$0.contains("Unblock") }
        try await tmux.quitAndExpectShell()
    }

    @Test func feedShowsStateChangesAndSurvivesResizing() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try tmux.start()
        try await tmux.expect("Customers 200")
        tmux.send(":")
        tmux.type("feed")
        tmux.send("Enter")
        try await tmux.expect("Live feed")
        try await tmux.expect("MEMPOOL → COMPLIANCE", timeout: 45)
        try await tmux.expectLine { $0.contains("CONFIRMED") || $0.contains("DECLINED") }

        tmux.resize(width: 40, height: 12)
        try await tmux.expect("Live feed")
        let small = tmux.screen()
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(small.contains("SANDBOX"))
        tmux.resize(width: 100, height: 30)
        try await tmux.expect("CUSTOMER")
        tmux.send("q")
        try await tmux.expect("Customers 200")
        try await tmux.quitAndExpectShell()
    }

    @Test func unknownCommandIsExplained() async throws {
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try tmux.start()
        try await tmux.expect("Customers 200")
        tmux.send(":")
        tmux.type("nonsense")
        tmux.send("Enter")
        try await tmux.expect("unknown command :nonsense")
        tmux.send("?")
        try await tmux.expect("This view (customers)")
        tmux.send("Escape")
        try await tmux.quitAndExpectShell()
    }
}

/// A private tmux server with one shell in a 100×30 window, and the dashboard started in it.
final class TmuxDashboard {
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    private let socket = "pd-e2e-\(UUID().uuidString.prefix(8))"
    private let session = "dash"
    private let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-e2e-\(UUID().uuidString)")
        for directory in ["data", "config", "home"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
    }

    /// Starts the shell, then the dashboard in it with no Calypso credentials (so: the embedded sandbox).
    func start() throws {
        tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "30",
              "env", "-i", "PATH=/usr/bin:/bin", "HOME=\(home.appendingPathComponent("home").path)", "PS1=$ ", "TERM=xterm-256color",
              "LANG=C.UTF-8", "bash", "--norc", "--noprofile"])
        let command = "XDG_DATA_HOME=\(home.appendingPathComponent("data").path) XDG_CONFIG_HOME=\(home.appendingPathComponent("config").path) "
            + PursedeskBinary.url.path
        tmux(["send-keys", "-t", session, "-l", command])
        tmux(["send-keys", "-t", session, "Enter"])
    }

    func screen() -> String {
        tmux(["capture-pane", "-p", "-t", session], capturing: true)
    }

    /// Named keys ("Enter", "Escape") or single characters.
    func send(_ key: String) {
        tmux(["send-keys", "-t", session, key])
    }

    func type(_ text: String) {
        tmux(["send-keys", "-t", session, "-l", text])
    }

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `text` shows; sleeps without holding a thread.
    func expect(_ text: String, timeout: TimeInterval = 30) async throws {
        _ = try await expectLine(timeout: timeout, { $0.contains(text) }, describing: "\"\(text)\"")
    }

    @discardableResult
    func expectLine(timeout: TimeInterval = 30, _ matches: (String) -> Bool, describing: String = "a matching line") async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = screen()
            if let line = last.split(separator: "\n").first(where: { matches(String($0)) }) { return String(line) }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw Timeout(description: "waited \(Int(timeout))s for \(describing); the screen was:\n\(last)")
    }

    func expectGone(_ text: String, timeout: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if !screen().contains(text) { return }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw Timeout(description: "\"\(text)\" stayed on screen:\n\(screen())")
    }

    /// `q` from the top view, then the shell must answer.
    func quitAndExpectShell() async throws {
        send("q")
        try await expectGone("SANDBOX")
        type("echo READY-$((1+1))")
        send("Enter")
        try await expect("READY-2", timeout: 15)
    }

    func kill() {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    /// Runs tmux with posix_spawn and waitpid: `Process` waits until every descendant has closed a
    /// descriptor it passes on, and the server `new-session` forks keeps it open for good.
    @discardableResult
    private func tmux(_ arguments: [String], capturing: Bool = false) -> String {
        let output = home.appendingPathComponent("tmux-\(UUID().uuidString).out")
        let executable = Self.tmuxPath ?? "/usr/bin/tmux"
        let argv = ([executable, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capturing ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test process's threads block most signals; a tmux server inheriting that mask could
        // never reap its panes, so kill-server would wait forever.
        #if os(Linux)
        var attributes = posix_spawnattr_t()
        #else
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard capturing else { return "" }
        defer { try? FileManager.default.removeItem(at: output) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
