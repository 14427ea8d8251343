import DeskModel
import Foundation
import TerminalUI

/// Owns the terminal on one thread: waits for a key or a message, updates the state, and draws
/// a frame only when it differs from the one on screen.
public final class DashboardLoop {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let mailbox: Mailbox
    private let execute: (AppCommand) -> Void
    private var lastFrame: CellBuffer?
    /// Something was applied since the last frame; without it the screen cannot have changed.
    private var needsFrame = true
    private var lastTickSecond: Int

    public convenience init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, executor: CommandExecutor) {
        self.init(state: state, backend: backend, mailbox: mailbox, execute: executor.execute)
    }

    /// Commands go through `switcher`, which can put another account's session in place.
    public convenience init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, switcher: SessionSwitcher) {
        self.init(state: state, backend: backend, mailbox: mailbox, execute: switcher.execute)
    }

    private init(state: AppState, backend: TerminalBackend, mailbox: Mailbox, execute: @escaping (AppCommand) -> Void) {
        self.state = state
        self.backend = backend
        self.mailbox = mailbox
        self.execute = execute
        lastTickSecond = Int(state.now.timeIntervalSince1970)
        apply(.started)
    }

    /// Runs until the operator quits, sleeping between keys, messages and clock seconds.
    public func run() {
        if let wake = backend.wakeSignal { mailbox.onPost { wake.signal() } }
        while step(keyTimeout: nextWait()) {}
    }

    /// Until the next clock second or the next batch of events, whichever comes first.
    private func nextWait() -> Duration {
        let now = Date().timeIntervalSince1970
        let untilSecond = Duration.milliseconds(Int((1 - (now - now.rounded(.down))) * 1000) + 1)
        guard backend.wakeSignal != nil else { return min(untilSecond, .milliseconds(40)) }
        return min(untilSecond, mailbox.nextBatchDue() ?? untilSecond)
    }

    /// One turn: at most one key, every waiting message, the clock, and a frame if anything
    /// visible changed. Returns false once the operator quit.
    @discardableResult
    public func step(keyTimeout: Duration) -> Bool {
        if let key = backend.readKey(timeout: keyTimeout) {
            if key == .resize {
                apply(.resize(backend.size))
            } else {
                apply(.key(key))
            }
        }
        for message in mailbox.take() { apply(message) }
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        if second != lastTickSecond {
            lastTickSecond = second
            apply(.tick(now))
        }
        if state.shouldQuit { return false }
        drawIfChanged()
        return true
    }

    private func apply(_ message: AppMessage) {
        needsFrame = true
        for command in update(&state, message) { execute(command) }
    }

    private func drawIfChanged() {
        guard needsFrame else { return }
        needsFrame = false
        let frame = DashboardScreen.render(state)
        guard frame != lastFrame else { return }
        backend.draw(frame)
        lastFrame = frame
    }
}
