import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import Testing
import TerminalUI

/// The loop against an in-memory terminal and a real store.
@Suite struct DashboardLoopTests {
    final class Harness {
        let backend = TestBackend(width: 100, height: 30)
        let mailbox = Mailbox(eventInterval: .zero)
        let loop: DashboardLoop
        let store: DeskStore

        init() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-loop-\(UUID().uuidString)")
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
            let executor = CommandExecutor(session: session, themes: ThemeCatalog(environment: [:]), post: { mailbox.post($0) })
            var setup = Fixtures.setup(readOnly: true)
            setup.offline = true
            setup.now = Date()
            loop = DashboardLoop(state: AppState(setup), backend: backend, mailbox: mailbox, executor: executor)
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

        /// Steps until no frame was drawn for `quiet`: every load the start asked for has arrived.
        func settle(quiet: Duration = .milliseconds(300), timeout: Duration = .seconds(10)) async {
            let deadline = ContinuousClock.now + timeout
            var lastChange = ContinuousClock.now
            var frames = backend.frames.count
            while ContinuousClock.now < deadline, ContinuousClock.now - lastChange < quiet {
                loop.step(keyTimeout: .zero)
                if backend.frames.count != frames {
                    frames = backend.frames.count
                    lastChange = ContinuousClock.now
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
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
}
