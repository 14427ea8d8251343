import CNcursesw
import Foundation

/// Gives the terminal back exactly once, whichever way the process ends: a normal shutdown,
/// `exit()`, SIGINT/SIGTERM/SIGHUP (then dies of that signal, so the shell sees 128+signo) or a
/// crash signal (then hands the signal to the previous handler, e.g. Swift's backtracer, or the
/// default action).
///
/// Signal handlers may only call async-signal-safe functions, and `endwin()` is not one (it
/// takes ncurses locks and uses stdio). So the signal path writes reset sequences captured from
/// terminfo at start-up with `write(2)` and restores the saved tty modes with `tcsetattr(3)`,
/// both async-signal-safe; the normal path calls `endwin()`. All state the handlers read is
/// allocated once up front and never freed.
public enum TerminalRestorer {
    private static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE]
    private static let resetCapacity = 512

    private struct SharedState {
        var outputFD: Int32 = -1
        var hasTermios = false
        var savedTermios = termios()
        var resetCount = 0
    }

    private nonisolated(unsafe) static let state: UnsafeMutablePointer<SharedState> = {
        let pointer = UnsafeMutablePointer<SharedState>.allocate(capacity: 1)
        pointer.initialize(to: SharedState())
        return pointer
    }()
    /// 0 while the terminal is ours; claimed atomically by whichever path restores it first.
    private nonisolated(unsafe) static let restoredFlag: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        pointer.initialize(to: 1)
        return pointer
    }()
    private nonisolated(unsafe) static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
    private nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
        pointer.initialize(repeating: sigaction(), count: 64)
        return pointer
    }()
    private nonisolated(unsafe) static var handlersInstalled = false

    /// Arms restoration for an ncurses screen that was just started on `outputFD`; `savedTermios`
    /// are the tty modes from before it started. Call from the ncurses thread after `newterm`.
    static func arm(outputFD: Int32, savedTermios: termios?) {
        captureResetSequence()
        state.pointee.outputFD = outputFD
        state.pointee.hasTermios = savedTermios != nil
        state.pointee.savedTermios = savedTermios ?? termios()
        restoredFlag.pointee = 0
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signo in terminatingSignals + crashSignals {
            _ = pd_install_signal_handler(signo, { signo in TerminalRestorer.handleSignal(signo) }, previousActions + Int(signo))
        }
        atexit { TerminalRestorer.restore() }
    }

    /// Ends the ncurses session with `endwin()` unless the terminal was already restored.
    public static func restore() {
        guard pd_claim_flag(restoredFlag) == 0 else { return }
        endwin()
    }

    private static func captureResetSequence() {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        let count = min(bytes.count, resetCapacity)
        resetBytes.update(from: bytes, count: count)
        state.pointee.resetCount = count
    }

    private static func handleSignal(_ signo: Int32) {
        if pd_claim_flag(restoredFlag) == 0 {
            _ = write(state.pointee.outputFD, resetBytes, state.pointee.resetCount)
            if state.pointee.hasTermios {
                _ = tcsetattr(state.pointee.outputFD, TCSANOW, &state.pointee.savedTermios)
            }
        }
        if signo == SIGINT || signo == SIGTERM || signo == SIGHUP {
            _ = signal(signo, SIG_DFL)
        } else {
            _ = sigaction(signo, previousActions + Int(signo), nil)
        }
        // The signal is blocked while this handler runs, so it is delivered on return with the new disposition.
        _ = raise(signo)
    }
}
