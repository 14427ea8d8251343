import CalypsoAPI
import Foundation

/// A `bench team desk` child: what it reports on stdout (its role, each deposit change reaching
/// its store with the wall-clock time, its API requests at the end), read on a thread of its own.
final class FollowerProcess: @unchecked Sendable {
    struct Arrival: Sendable {
        var key: String
        var milliseconds: Double
    }

    private let process: Process
    private let input: Pipe
    private let state = Locked<(role: String, arrivals: [Arrival], requests: Int?)>(("starting", [], nil))
    private let ended = Locked<CheckedContinuation<Void, Never>?>(nil)
    private let readerDone = Locked(false)

    init(storeText: String, account: String, credentials: Credentials, dataDirectory: URL) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench", "team", "desk", "--team-store", storeText, "--account", account, "--data-dir", dataDirectory.path,
                             "--api-url", credentials.baseURL.absoluteString, "--api-account", credentials.account]
        var environment = ProcessInfo.processInfo.environment
        environment["PURSEDESK_BENCH_API_KEY"] = credentials.apiKey
        environment["PURSEDESK_BENCH_API_SECRET"] = credentials.apiSecret.exposedValue
        process.environment = environment
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let state = self.state, ended = self.ended, readerDone = self.readerDone
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    Self.take(line, into: state)
                }
            }
            let waiter = readerDone.withLock { done -> CheckedContinuation<Void, Never>? in
                done = true
                return ended.withLock { value in defer { value = nil }; return value }
            }
            waiter?.resume()
        }
    }

    private static func take(_ line: String, into state: Locked<(role: String, arrivals: [Arrival], requests: Int?)>) {
        let fields = line.split(separator: " ")
        switch fields.first {
        case "role" where fields.count == 2: state.withLock { $0.role = String(fields[1]) }
        case "event" where fields.count == 3:
            guard let micros = Double(fields[1]) else { return }
            state.withLock { $0.arrivals.append(Arrival(key: String(fields[2]), milliseconds: micros / 1000)) }
        case "requests" where fields.count == 2: state.withLock { $0.requests = Int(fields[1]) }
        default: break
        }
    }

    var role: String { state.current.role }
    var arrivals: [Arrival] { state.current.arrivals }

    /// Closes its stdin, waits for it to report and exit; returns its API requests.
    func finish() async -> Int {
        try? input.fileHandleForWriting.close()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = readerDone.withLock { done -> Bool in
                if !done { ended.withLock { $0 = continuation } }
                return done
            }
            if resumeNow { continuation.resume() }
        }
        process.waitUntilExit()
        return state.current.requests ?? 0
    }

    /// Ends it if it still runs (the benchmark failed half-way).
    func stop() {
        if process.isRunning { process.terminate() }
    }
}
