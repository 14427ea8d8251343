import DeskModel
import Foundation
import TerminalUI

/// Starts the dashboard for a session: subscribes to the model, runs the loop on a thread of its
/// own (ncurses is not thread-safe, and `readKey` blocks), and gives the terminal back on exit.
public enum DashboardRunner {
    /// Runs until the operator quits. `makeBackend` is called on the UI thread, which then is the
    /// only thread that touches the terminal; its error (e.g. an unsupported terminal) is rethrown.
    /// With `accounts`, `:accounts` lists the key's accounts and switches between them live.
    public static func run(session: DeskSession, setup: AppState.Setup, themes: ThemeCatalog, accounts: (any AccountDirectory)? = nil,
                           makeBackend: @escaping @Sendable () throws -> TerminalBackend & Sendable) async throws {
        let mailbox = Mailbox()
        let switcher = SessionSwitcher(session: session, directory: accounts, mailbox: mailbox) { session, post in
            CommandExecutor(session: session, themes: themes, post: post)
        }
        defer { switcher.stop() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try runOnThisThread(setup: setup, mailbox: mailbox, switcher: switcher, makeBackend: makeBackend)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "pursedesk-ui"
            thread.start()
        }
    }

    /// The backend lives only inside this call, so the terminal is given back (by its deinit)
    /// before the caller hears that the dashboard ended.
    private static func runOnThisThread(setup: AppState.Setup, mailbox: Mailbox, switcher: SessionSwitcher,
                                        makeBackend: () throws -> TerminalBackend) throws {
        let backend = try makeBackend()
        var initial = setup
        initial.size = backend.size
        let loop = DashboardLoop(state: AppState(initial), backend: backend, mailbox: mailbox, switcher: switcher)
        loop.onIdle = IdleFile.reporter(environment: ProcessInfo.processInfo.environment)
        loop.run()
    }
}
