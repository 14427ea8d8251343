import Foundation

/// A control-mode client (`tmux -C attach`) of a `TmuxServer`'s session: commands go in on its
/// standard input, and tmux reports, as they happen, what panes write (`%output`) and the
/// answers to commands (`%begin` … `%end`). No process is started per command, so it can time
/// what happens in the pane to a fraction of a millisecond.
public final class TmuxControlClient: @unchecked Sendable {
    public enum Event: Equatable, Sendable {
        /// Bytes a pane wrote (still escaped as tmux sends them).
        case output(pane: String, data: String)
        /// The answer to a command: its lines, and whether tmux reported an error.
        case reply(lines: [String], failed: Bool)
        /// Any other notification (`%session-changed`, `%exit`, …).
        case notification(String)
    }

    public struct Timed: Sendable {
        public var event: Event
        /// When the line that completed it was read.
        public var at: ContinuousClock.Instant
    }

    private let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var pending: [UInt8] = []
    private var reply: [String]?
    private var atEnd = false
    private var detached = false
    private let clock = ContinuousClock()

    public init(attachingTo server: TmuxServer) throws {
        let executable = TmuxServer.executable ?? "/usr/bin/tmux"
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw TmuxServer.Timeout(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
        let arguments: [String] = [executable] + server.socketArguments + ["-f", "/dev/null", "-C", "attach-session", "-t", server.session]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw TmuxServer.Timeout(description: "tmux -C could not start (\(spawned))")
        }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
        // Attached once tmux says which session the client is in.
        while let timed = next(timeout: .seconds(10)) {
            if case .notification(let text) = timed.event, text.hasPrefix("%session-changed") { return }
        }
        detach()
        throw TmuxServer.Timeout(description: "tmux -C did not attach")
    }

    deinit { detach() }

    /// Sends one tmux command line (e.g. `send-keys -t main j`); returns when it was written.
    @discardableResult
    public func send(_ command: String) -> ContinuousClock.Instant {
        let bytes = Array((command + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { break } }
            offset += written
        }
        return clock.now
    }

    /// The next event, or nil when none came within `timeout` (or tmux has gone).
    public func next(timeout: Duration) -> Timed? {
        let deadline = clock.now + timeout
        while true {
            if let line = takeLine() {
                if let event = parse(line) { return Timed(event: event, at: clock.now) }
                continue
            }
            let remaining = deadline - clock.now
            guard remaining > .zero, !atEnd, !detached else { return nil }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Double(remaining.components.seconds) * 1000 + Double(remaining.components.attoseconds) / 1e15 + 1, 60_000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                atEnd = true
                return nil
            }
            pending += chunk[0..<count]
        }
    }

    /// Runs a command and returns its reply, skipping (and returning) the output seen meanwhile.
    public func command(_ text: String, timeout: Duration = .seconds(5)) -> (reply: [String]?, seen: [Timed]) {
        send(text)
        var seen: [Timed] = []
        while let timed = next(timeout: timeout) {
            if case .reply(let lines, let failed) = timed.event { return (failed ? nil : lines, seen) }
            seen.append(timed)
        }
        return (nil, seen)
    }

    /// Detaches: the client exits; the server and its session stay.
    public func detach() {
        guard !detached else { return }
        detached = true
        close(input)
        close(output)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    private func takeLine() -> String? {
        guard let newline = pending.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeFirst(newline + 1)
        return line
    }

    /// One line of the protocol; nil while a reply is still being collected.
    private func parse(_ line: String) -> Event? {
        if var lines = reply {
            if line.hasPrefix("%end ") || line.hasPrefix("%error ") {
                reply = nil
                return .reply(lines: lines, failed: line.hasPrefix("%error "))
            }
            lines.append(line)
            reply = lines
            return nil
        }
        if line.hasPrefix("%begin ") {
            reply = []
            return nil
        }
        if line.hasPrefix("%output ") {
            let rest = line.dropFirst("%output ".count)
            let space = rest.firstIndex(of: " ") ?? rest.endIndex
            return .output(pane: String(rest[..<space]), data: String(rest[space...].dropFirst()))
        }
        return .notification(line)
    }
}
