import Foundation

/// A private tmux server (its own socket) with one window, for driving a program in a real
/// terminal the way a person would: keys in with send-keys, the screen out with capture-pane.
/// Used by the end-to-end tests and by `pursedesk bench`.
public final class TmuxServer: @unchecked Sendable {
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static var isAvailable: Bool { executable != nil }

    public let socket = "pd-tmux-\(UUID().uuidString.prefix(8))"
    public let session = "main"
    private let scratch: URL
    /// tmux's socket inside the scratch directory, so `kill()` removes it too (with `-L` it would
    /// stay in /tmp/tmux-UID); a name under /tmp/tmux-UID when the path is too long for a socket.
    public var socketArguments: [String] {
        let path = scratch.appendingPathComponent("socket").path
        return path.utf8.count < 100 ? ["-S", path] : ["-L", socket]
    }

    /// Starts `command` (run through `env -i` with exactly `environment`) in a window of the given size.
    public init(command: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let status = run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "env", "-i"] + env + command).status
        guard status == 0 else { throw Timeout(description: "tmux new-session failed (exit \(status))") }
    }

    deinit { kill() }

    public func kill() {
        _ = run(["kill-server"])
        try? FileManager.default.removeItem(at: scratch)
    }

    public func screen() -> String { run(["capture-pane", "-p", "-t", session], capturing: true).output }

    /// Named keys ("Enter", "Escape", "C-c") or single characters.
    public func send(_ keys: String...) { _ = run(["send-keys", "-t", session] + keys) }

    /// Literal text.
    public func type(_ text: String) { _ = run(["send-keys", "-t", session, "-l", text]) }

    public func resize(width: Int, height: Int) { _ = run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }

    /// The process running in the pane (the program itself when started without a shell).
    public var panePID: Int32? {
        Int32(run(["display-message", "-p", "-t", session, "#{pane_pid}"], capturing: true).output
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether the pane's program has exited (the pane stays, marked dead).
    public var paneIsDead: Bool {
        run(["display-message", "-p", "-t", session, "#{pane_dead}"], capturing: true).output.hasPrefix("1")
    }

    /// A tmux format variable of the pane, e.g. `cursor_flag` or `alternate_on`.
    public func paneFormat(_ variable: String) -> String {
        run(["display-message", "-p", "-t", session, "#{\(variable)}"], capturing: true).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends everything the program writes to the terminal to `file`.
    public func pipeOutput(to file: URL) {
        let quoted = "'" + file.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        _ = run(["pipe-pane", "-o", "-t", session, "cat >> \(quoted)"])
    }

    public func setOption(_ name: String, _ value: String) { _ = run(["set-option", "-t", session, name, value]) }

    // The same, for async callers (tests): tmux is waited for on a thread of its own, so the
    // caller's thread of the cooperative pool stays free while it runs.

    public func screen() async -> String { await run(["capture-pane", "-p", "-t", session], capturing: true).output }

    public func send(_ keys: String...) async { await run(["send-keys", "-t", session] + keys) }

    public func type(_ text: String) async { await run(["send-keys", "-t", session, "-l", text]) }

    public func resize(width: Int, height: Int) async {
        await run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    public func paneFormat(_ variable: String) async -> String {
        await run(["display-message", "-p", "-t", session, "#{\(variable)}"], capturing: true).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func pipeOutput(to file: URL) async {
        let quoted = "'" + file.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        await run(["pipe-pane", "-o", "-t", session, "cat >> \(quoted)"])
    }

    public func setOption(_ name: String, _ value: String) async { await run(["set-option", "-t", session, name, value]) }

    /// Blocks the calling thread, polling every 2 ms; for measurements. Tests use the async form.
    public func waitFor(timeout: Duration = .seconds(30), _ predicate: (String) -> Bool) -> Duration? {
        let clock = ContinuousClock()
        let started = clock.now
        while clock.now - started < timeout {
            if predicate(screen()) { return clock.now - started }
            usleep(2000)
        }
        return nil
    }

    /// Polls the screen every 20 ms until `predicate` holds, sleeping without holding a thread.
    /// Returns the time it took, nil on timeout.
    public func waitFor(timeout: Duration = .seconds(30), _ predicate: (String) -> Bool) async -> Duration? {
        let clock = ContinuousClock()
        let started = clock.now
        while clock.now - started < timeout {
            if predicate(await screen()) { return clock.now - started }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Polls the screen until a line matches, sleeping without holding a thread.
    @discardableResult
    public func expectLine(timeout: TimeInterval = 30, describing: String = "a matching line",
                           _ matches: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = await screen()
            if let line = last.split(separator: "\n").first(where: { matches(String($0)) }) { return String(line) }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw Timeout(description: "waited \(Int(timeout))s for \(describing); the screen was:\n\(last)")
    }

    public func expect(_ text: String, timeout: TimeInterval = 30) async throws {
        try await expectLine(timeout: timeout, describing: "\"\(text)\"") { $0.contains(text) }
    }

    public func expectGone(_ text: String, timeout: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = await screen()
            if !last.contains(text) { return }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw Timeout(description: "\"\(text)\" stayed on screen:\n\(last)")
    }

    /// Runs tmux with posix_spawn and waitpid. `Process` waits until every descendant has closed a
    /// descriptor it passes on, and the server `new-session` forks keeps it open for good; and a
    /// server inheriting the caller's blocked signals could never reap its panes.
    @discardableResult
    private func run(_ arguments: [String], capturing: Bool = false) -> (status: Int32, output: String) {
        let output = scratch.appendingPathComponent("tmux-\(UUID().uuidString).out")
        guard let pid = spawn(arguments, output: capturing ? output : nil) else { return (-1, "") }
        return Self.finish(pid: pid, output: capturing ? output : nil)
    }

    /// The same, waiting for tmux on a thread of its own instead of the caller's.
    @discardableResult
    private func run(_ arguments: [String], capturing: Bool = false) async -> (status: Int32, output: String) {
        let output = scratch.appendingPathComponent("tmux-\(UUID().uuidString).out")
        guard let pid = spawn(arguments, output: capturing ? output : nil) else { return (-1, "") }
        return await onOwnThread { Self.finish(pid: pid, output: capturing ? output : nil) }
    }

    /// Waits for the tmux client and reads what it printed.
    private static func finish(pid: pid_t, output: URL?) -> (status: Int32, output: String) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard let output else { return ((status >> 8) & 0xff, "") }
        defer { try? FileManager.default.removeItem(at: output) }
        return ((status >> 8) & 0xff, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    /// Starts a tmux client on this server, its output going to `output` (or nowhere).
    private func spawn(_ arguments: [String], output: URL?) -> pid_t? {
        let executable = Self.executable ?? "/usr/bin/tmux"
        let argv = ([executable] + socketArguments + ["-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, environment) == 0 else { return nil }
        return pid
    }
}
