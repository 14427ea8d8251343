import DeskModel
import Foundation
import TerminalUI

/// Owns the terminal on one thread: waits for a key or a message, updates the state, and draws
/// a frame only when it differs from the one on screen. Nothing wakes it on a timer except a
/// text on screen that the passing time changes (the minute clock, an age, a countdown, a flash
/// to clear), and only when that text changes.
public final class DashboardLoop {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let mailbox: Mailbox
    private let execute: (AppCommand) -> Void
    /// Nothing the executor started is still running.
    private let isIdle: () -> Bool
    /// The wall clock; tests pass a fake one to step through idle minutes.
    private let now: () -> Date
    private var lastFrame: CellBuffer?
    /// Something was applied since the last frame; without it the screen cannot have changed.
    private var needsFrame = true
    private var lastTick: Date
    /// When a time-dependent text of the frame on screen next reads differently.
    private var frameTextChanges: Date?
    /// Called with the keys and messages applied so far whenever the loop is idle after applying
    /// something: no command in flight and nothing waiting. End-to-end tests wait for it.
    public var onIdle: ((_ keys: Int, _ messages: Int) -> Void)?
    private var applied = 0
    private var keysApplied = 0
    private var reportedIdle = 0

    public convenience init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, executor: CommandExecutor,
                            now: @escaping () -> Date = Date.init) {
        self.init(state: state, backend: backend, mailbox: mailbox, execute: executor.execute, isIdle: { executor.isIdle }, now: now)
    }

    /// Commands go through `switcher`, which can put another account's session in place.
    public convenience init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, switcher: SessionSwitcher) {
        self.init(state: state, backend: backend, mailbox: mailbox, execute: switcher.execute, isIdle: { switcher.isIdle })
    }

    private init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, execute: @escaping (AppCommand) -> Void,
                 isIdle: @escaping () -> Bool, now: @escaping () -> Date = Date.init) {
        self.state = state
        self.backend = backend
        self.mailbox = mailbox
        self.execute = execute
        self.isIdle = isIdle
        self.now = now
        lastTick = state.now
        apply(.started)
    }

    /// Runs until the operator quits, sleeping between keys, messages and text changes.
    public func run() {
        if let wake = backend.wakeSignal { mailbox.onPost { wake.signal() } }
        while step(keyTimeout: nextWait()) {}
    }

    /// When the clock must next be applied: a text on screen changes, a flash is due to go, or
    /// counts wait for their (once a second) reload.
    var nextTickDue: Date? {
        [frameTextChanges, state.flash?.expiresAt, state.countsStale ? lastTick.addingTimeInterval(1) : nil].compactMap { $0 }.min()
    }

    /// Until the next tick or the next batch of events, whichever comes first.
    private func nextWait() -> Duration {
        let untilTick = nextTickDue.map { Duration.milliseconds(max(0, Int($0.timeIntervalSince(now()) * 1000) + 1)) }
        guard backend.wakeSignal != nil else { return min(untilTick ?? .seconds(1), .milliseconds(40)) }
        return [untilTick, mailbox.nextBatchDue()].compactMap { $0 }.min() ?? .seconds(3600)
    }

    /// One turn: at most one key, every waiting message, the clock when due, and a frame if
    /// anything visible may have changed. Returns false once the operator quit.
    @discardableResult
    public func step(keyTimeout: Duration) -> Bool {
        if let key = backend.readKey(timeout: keyTimeout) {
            if key == .resize {
                apply(.resize(backend.size))
            } else {
                keysApplied += 1
                apply(.key(key))
            }
        }
        for message in mailbox.take() { apply(message) }
        let time = now()
        // A frame drawn for a key or a message shows the time too, so it gets the clock (at most
        // once a second, which also paces the counts' reload).
        if nextTickDue.map({ time >= $0 }) == true || (needsFrame && time.timeIntervalSince(lastTick) >= 1) {
            lastTick = time
            apply(.tick(time))
        }
        if state.shouldQuit { return false }
        drawIfChanged()
        if let onIdle, applied != reportedIdle, isIdle(), mailbox.isEmpty {
            reportedIdle = applied
            onIdle(keysApplied, applied)
        }
        return true
    }

    private func apply(_ message: AppMessage) {
        needsFrame = true
        applied += 1
        for command in update(&state, message) {
            // The clipboard (OSC 52) and the bell are the terminal's, so they go through the backend.
            switch command {
            case .copy(let text): backend.copyToClipboard(text)
            case .bell: backend.ring()
            default: execute(command)
            }
        }
    }

    private func drawIfChanged() {
        guard needsFrame else { return }
        needsFrame = false
        let (frame, textChanges) = TextExpiry.measure { DashboardScreen.render(state) }
        frameTextChanges = textChanges
        guard frame != lastFrame else { return }
        backend.draw(frame)
        lastFrame = frame
    }
}
