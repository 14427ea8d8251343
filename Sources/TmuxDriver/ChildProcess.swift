import Foundation

// Tests run in parallel on Swift's cooperative pool, which has one thread per core. A test that
// blocks one of those threads (waiting for a child to exit, reading a pipe to its end) stalls
// every other test, including the in-process servers the child may be talking to. These waits
// happen on a thread of their own, or in Foundation's termination handler, and resume the caller.

/// Resumes its waiters when the process it was made for has exited.
public final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private var exited = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    fileprivate init() {}

    fileprivate func finish() {
        let resumed = lock.withLock {
            exited = true
            defer { waiters = [] }
            return waiters
        }
        resumed.forEach { $0.resume() }
    }

    public var hasExited: Bool { lock.withLock { exited } }

    /// Returns once the process has exited, without holding a thread while it runs.
    public func wait() async {
        await withCheckedContinuation { continuation in
            let done = lock.withLock {
                if !exited { waiters.append(continuation) }
                return exited
            }
            if done { continuation.resume() }
        }
    }
}

extension Process {
    /// Runs the process and returns what tells when it has exited (its termination handler, set
    /// here before it starts, so an exit is never missed). For programs that fork no daemon: see
    /// TmuxServer for why a daemon keeps Foundation from seeing its parent end.
    public func start() throws -> ProcessExit {
        let exit = ProcessExit()
        terminationHandler = { _ in exit.finish() }
        do {
            try run()
        } catch {
            terminationHandler = nil
            throw error
        }
        return exit
    }
}

/// Runs blocking work (reading a pipe to its end, `waitpid`) on a new thread and returns its result.
public func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

extension FileHandle {
    /// Everything until end of file, read on a thread of its own.
    public func readAll() async -> Data {
        await onOwnThread { [self] in readDataToEndOfFile() }
    }
}
