import DeskModel
import Foundation
import TerminalUI

/// Starts the dashboard for a session: subscribes to the model, runs the loop on a thread of its
/// own (ncurses is not thread-safe, and `readKey` blocks), and gives the terminal back on exit.
public enum DashboardRunner {
    /// Runs until the operator quits. `makeBackend` is called on the UI thread, which then is the
    /// only thread that touches the terminal; its error (e.g. an unsupported terminal) is rethrown.
    public static func run(session: DeskSession, setup: AppState.Setup, themes: ThemeCatalog,
                           makeBackend: @escaping @Sendable () throws -> TerminalBackend & Sendable) async throws {
        let mailbox = Mailbox()
        let eventTask = Task {
            for await event in session.events.subscribe() { mailbox.post(event: event) }
        }
        let statusTask = Task {
            for await status in session.engine.statusUpdates.subscribe() { mailbox.post(.syncStatus(status.connection)) }
        }
        defer {
            eventTask.cancel()
            statusTask.cancel()
        }
        let executor = CommandExecutor(session: session, themes: themes, post: { mailbox.post($0) })
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try runOnThisThread(setup: setup, mailbox: mailbox, executor: executor, makeBackend: makeBackend)
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
    private static func runOnThisThread(setup: AppState.Setup, mailbox: Mailbox, executor: CommandExecutor,
                                        makeBackend: () throws -> TerminalBackend) throws {
        let backend = try makeBackend()
        var initial = setup
        initial.size = backend.size
        let loop = DashboardLoop(state: AppState(initial), backend: backend, mailbox: mailbox, executor: executor)
        loop.onIdle = IdleFile.reporter(environment: ProcessInfo.processInfo.environment)
        loop.run()
    }
}
