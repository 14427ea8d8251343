import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI
import TestScratch

/// The loop against an in-memory terminal and a real store.
@Suite struct DashboardLoopTests {
    final class Harness {
        let backend = TestBackend(width: 100, height: 30)
        let mailbox = Mailbox(eventInterval: .zero)
        let loop: DashboardLoop
        let store: DeskStore
        let executor: CommandExecutor

        init(now: @escaping () -> Date = Date.init) throws {
            let directory = ScratchRoot.url.appendingPathComponent("pursedesk-loop-\(UUID().uuidString)")
            store = try DeskStore.open(dataDirectory: directory, account: "0xloop")
            _ = try store.importCustomers([
                Customer(id: "11111111-1111-4111-8111-111111111111", email: "ann@example.com", blocked: false),
                Customer(id: "22222222-2222-4222-8222-222222222222", email: "bob@example.com", blocked: false),
            ])
            let events = EventHub<DeskEvent>()
            let client = CalypsoClient(credentials: Credentials(baseURL: URL(string: "http://127.0.0.1:9")!, account: "0xloop",
                                                               apiKey: "key", apiSecret: Secret("secret")))
            let session = DeskSession(account: "0xloop", source: .embeddedSandbox, store: store,
                                      engine: SyncEngine(api: client, store: store, events: events), events: events, actions: nil,
                                      currencies: [], refreshInterval: .seconds(2))
            let mailbox = self.mailbox
            executor = CommandExecutor(session: session, themes: ThemeCatalog(environment: [:]), post: { mailbox.post($0) })
            var setup = Fixtures.setup(readOnly: true)
            setup.offline = true
            setup.now = now()
            loop = DashboardLoop(state: AppState(setup), backend: backend, mailbox: mailbox, executor: executor, now: now)
        }

        /// Steps until the last frame shows `text`.
        /// Sleeps without holding a thread, so the store reads the loop waits for can run.
        func stepUntil(_ text: String, timeout: Duration = .seconds(10)) async -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                loop.step(keyTimeout: .zero)
                if backend.lastFrame?.textLines.joined(separator: "\n").contains(text) == true { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }

        /// Steps until every load the loop started has answered and every answer was applied: no
        /// command in flight and nothing in the mailbox after a step (the loop's idle condition).
        func settle(timeout: Duration = .seconds(10)) async {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                loop.step(keyTimeout: .zero)
                if executor.isIdle, mailbox.isEmpty { return }
                try? await Task.sleep(for: .milliseconds(10))
            }
            Issue.record("the loop did not settle")
        }
    }

    @Test func drawsOnlyWhatChanged() async throws {
        let harness = try Harness()
        #expect(await harness.stepUntil("ann@example.com"))
        await harness.settle()
        let drawn = harness.backend.frames.count
        let before = try #require(harness.backend.lastFrame)
        harness.loop.step(keyTimeout: .zero)
        harness.loop.step(keyTimeout: .zero)
        // Only the clock may have moved on in the meantime.
        if harness.backend.frames.count > drawn {
            let after = try #require(harness.backend.lastFrame)
            #expect((1..<after.height).allSatisfy { after.text(row: $0) == before.text(row: $0) })
        }
        #expect(harness.backend.frames.count <= drawn + 1)

        harness.backend.pendingKeys = [.character("j")]
        let beforeKey = harness.backend.frames.count
        harness.loop.step(keyTimeout: .zero)
        #expect(harness.backend.frames.count == beforeKey + 1)
    }

    @Test func resizesCopiesAndQuits() async throws {
        let harness = try Harness()
        #expect(await harness.stepUntil("bob@example.com"))
        harness.backend.resize(width: 40, height: 12)
        harness.loop.step(keyTimeout: .zero)
        #expect(harness.backend.lastFrame?.width == 40)
        #expect(harness.backend.lastFrame?.height == 12)
        harness.backend.pendingKeys = [.character("y")]
        harness.loop.step(keyTimeout: .zero)
        #expect(harness.backend.clipboard == ["11111111-1111-4111-8111-111111111111"])
        harness.backend.pendingKeys = [.character("q")]
        #expect(harness.loop.step(keyTimeout: .zero) == false)
    }

    @Test func storeEventsReachTheScreen() async throws {
        let harness = try Harness()
        #expect(await harness.stepUntil("ann@example.com"))
        let events = try harness.store.upsertCustomer(
            Customer(id: "33333333-3333-4333-8333-333333333333", email: "cleo@example.com", blocked: true), origin: .created)
        for event in events { harness.mailbox.post(event: event) }
        #expect(await harness.stepUntil("cleo@example.com"))
    }

    @Test func reportsIdleOnceItHandledAKeyAndNothingIsInFlight() async throws {
        let harness = try Harness()
        let reports = Locked<[Int]>([])
        harness.loop.onIdle = { keys, _ in reports.withLock { $0.append(keys) } }
        #expect(await harness.stepUntil("ann@example.com"))
        await harness.settle()
        #expect(reports.current.last == 0)
        let count = reports.current.count
        harness.loop.step(keyTimeout: .zero)
        #expect(reports.current.count == count, "idle reported again with nothing new applied")
        harness.backend.pendingKeys = [.character("j")]
        harness.loop.step(keyTimeout: .zero)
        #expect(reports.current.last == 1)
    }

    @Test func aNewAlertRingsTheTerminalsBellThroughTheBackend() async throws {
        let harness = try Harness()
        #expect(await harness.stepUntil("ann@example.com"))
        #expect(harness.backend.bellCount == 0)
        harness.mailbox.post(event: .alert(Fixtures.alert(7, customer: 0)))
        harness.loop.step(keyTimeout: .zero)
        #expect(harness.backend.bellCount == 1)
    }

    /// Ten idle minutes on a fake clock, stepped every second as a busy terminal would wake it:
    /// the loop applies the clock and renders only when a text on screen reads differently, and
    /// draws a frame only when the screen changed (here: the header's minute clock).
    @Test func anIdleScreenIsRenderedAndDrawnOnlyWhenItsClockReadsDifferently() async throws {
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_030))
        let harness = try Harness(now: { clock.current })
        let applied = Locked(0)
        harness.loop.onIdle = { _, messages in applied.withLock { $0 = messages } }
        #expect(await harness.stepUntil("ann@example.com"))
        await harness.settle()
        // The counts the start asked for reload on the first tick, a second later.
        clock.withLock { $0 = $0.addingTimeInterval(1) }
        await harness.settle()
        let framesBefore = harness.backend.frames.count, appliedBefore = applied.current
        let shownBefore = try #require(harness.backend.lastFrame)

        for _ in 0..<600 {
            clock.withLock { $0 = $0.addingTimeInterval(1) }
            harness.loop.step(keyTimeout: .zero)
        }

        let frames = Array(harness.backend.frames[framesBefore...])
        #expect(frames.count == 10, "one frame per minute the clock shows, got \(frames.count)")
        for (previous, frame) in zip([shownBefore] + frames, frames) {
            #expect(previous != frame, "a frame was drawn that shows nothing new")
            #expect((1..<frame.height).allSatisfy { frame.text(row: $0) == previous.text(row: $0) }, "only the header row changes")
        }
        // Each tick is applied (and the screen rendered) only when due; a loop rendering every
        // second would have applied about 600.
        #expect(applied.current - appliedBefore == frames.count, "ticks applied: \(applied.current - appliedBefore)")
    }
}
