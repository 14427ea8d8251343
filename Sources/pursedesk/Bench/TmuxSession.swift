import Foundation

/// A program running in a detached tmux session on a private socket, for measurements made the
/// way a user meets the program: in a real terminal.
final class TmuxSession {
    let socket = "pursedesk-bench-\(UUID().uuidString.prefix(8))"
    let name = "bench"

    init(command: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = "exec env -i \(exports) " + command.map(Self.quote).joined(separator: " ")
        // tmux forks its server here; a server that inherited Foundation's descriptors would keep
        // `Process` from ever seeing the client exit, so this one call is spawned directly.
        let status = Self.spawnAndWait(["tmux", "-L", socket, "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), line])
        guard status == 0 else { throw TmuxError.cannotStart(status) }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    static var available: Bool { (try? run("/usr/bin/env", ["tmux", "-V"]).status) == 0 }

    var panePID: Int32? {
        (try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", name])) ?? "" }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Appends everything the program writes to the terminal to `file`.
    func pipeOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-o", "-t", name, "cat >> \(Self.quote(file.path))"])
    }

    /// Polls the screen until `predicate` holds; returns the elapsed time, or nil on timeout.
    func waitFor(timeout: Duration = .seconds(30), _ predicate: (String) -> Bool) -> Duration? {
        let clock = ContinuousClock()
        let started = clock.now
        while clock.now - started < timeout {
            if predicate(capture()) { return clock.now - started }
            usleep(2000)
        }
        return nil
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try Self.run("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        return result.output
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// posix_spawnp with standard streams on /dev/null; returns the exit status.
    static func spawnAndWait(_ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard let program = argv[0], posix_spawnp(&pid, program, &actions, nil, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error, CustomStringConvertible {
    case cannotStart(Int32)
    var description: String {
        switch self {
        case .cannotStart(let status): "tmux new-session failed (exit \(status))"
        }
    }
}

/// Figures read from /proc for one process.
enum ProcessProbe {
    /// Peak resident set size in bytes (VmHWM).
    static func peakRSS(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// User plus system CPU time in clock ticks, including finished threads.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }
}
