import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing

/// The sync engine against a misbehaving sandbox: each fault alone and all together. No crash, an
/// honest connection state while it lasts, recovery on the first refresh after it stops, and then
/// the store equals the sandbox's truth. `PURSEDESK_SOAK=1` runs the long versions (30 s outages).
@Suite struct FaultMatrixTests {
    static let soak = ProcessInfo.processInfo.environment["PURSEDESK_SOAK"] == "1"
    static let faultSeconds = soak ? 30.0 : 3.0

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var faults: SandboxFaults
        /// Whether the fault must show in the connection state. Faults a retry absorbs (a share of
        /// 500s, hung or malformed answers: one read retry each) or the client corrects (clock skew)
        /// leave the data fresh, so "live" is the truth; a refresh fails only when both tries fail.
        var mustDegrade: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        func faults(_ change: (inout SandboxFaults) -> Void) -> SandboxFaults {
            var faults = SandboxFaults.none
            faults.hangLimitSeconds = 5
            change(&faults)
            return faults
        }
        return [
            Case(name: "20% 500s", faults: faults { $0.serverErrorShare = 0.2 }, mustDegrade: false),
            Case(name: "10% hung requests", faults: faults { $0.hangShare = 0.1 }, mustDegrade: false),
            Case(name: "5% malformed JSON", faults: faults { $0.malformedShare = 0.05 }, mustDegrade: false),
            Case(name: "burst of 429s", faults: faults { $0.tooManyRequestsShare = 0.6 }, mustDegrade: true),
            Case(name: "clock 5 minutes ahead", faults: faults { $0.clockSkewSeconds = 300 }, mustDegrade: false),
            Case(name: "clock 5 minutes behind", faults: faults { $0.clockSkewSeconds = -300 }, mustDegrade: false),
            Case(name: "server down", faults: faults { $0.down = true }, mustDegrade: true),
            Case(name: "all together", faults: faults {
                $0.serverErrorShare = 0.2; $0.hangShare = 0.1; $0.malformedShare = 0.05; $0.tooManyRequestsShare = 0.2
                $0.clockSkewSeconds = 300; $0.latencyMilliseconds = 20
            }, mustDegrade: false),
            Case(name: "all together, then down", faults: faults {
                $0.serverErrorShare = 0.2; $0.hangShare = 0.1; $0.malformedShare = 0.05; $0.tooManyRequestsShare = 0.2
                $0.clockSkewSeconds = 300; $0.latencyMilliseconds = 20; $0.down = true
            }, mustDegrade: true),
        ]
    }()

    @Test(arguments: cases)
    func survivesAndConverges(_ testCase: Case) async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 200
        configuration.timeScale = 10
        configuration.traffic = TrafficSettings(enabled: false, stepSeconds: 4)
        configuration.seed = 21
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        var options = ClientOptions()
        options.timeout = .seconds(1)
        options.readRetries = 1
        options.retryBaseDelay = .milliseconds(50)
        let client = CalypsoClient(credentials: sandbox.credentials, options: options)
        let store = try temporaryStore("faults")
        let customers = await sandbox.state().customers
        _ = try store.importCustomers(customers)
        var settings = SyncSettings(refreshInterval: .seconds(1), requestsPerSecond: 20)
        settings.maxBackoff = .seconds(2)
        let engine = SyncEngine(api: client, store: store, events: EventHub(), settings: settings)
        let states = Locked<[ConnectionState]>([])
        let updates = engine.statusUpdates.subscribe()  // before the engine runs, not whenever the task starts
        let watcher = Task { for await status in updates { states.withLock { $0.append(status.connection) } } }
        let loop = Task { await engine.run() }
        defer { loop.cancel(); watcher.cancel() }
        #expect(await eventually { if case .live = await engine.connection { true } else { false } })

        sandbox.setFaults(testCase.faults)
        let started = ContinuousClock.now
        var injected = 0
        while ContinuousClock.now - started < .milliseconds(Int(Self.faultSeconds * 1000)) {
            try await sandbox.injectDeposit(customerId: customers[(injected * 7) % customers.count].id,
                                            currency: ["ETH", "TRX", "BTC"][injected % 3], decline: injected % 6 == 0)
            injected += 1
            try await Task.sleep(for: .milliseconds(Self.soak ? 500 : 100))
        }
        let degraded = states.current.contains { !($0.reason ?? "").isEmpty }
        if testCase.mustDegrade { #expect(degraded, "the connection state never showed the fault: \(states.current.suffix(3))") }

        sandbox.setFaults(.none)
        let refreshesAtClear = await engine.statistics.refreshes
        // The refresh in flight when the faults stop may still fail; the next one must succeed.
        #expect(await eventually(timeout: .seconds(15)) { await engine.statistics.refreshes >= refreshesAtClear + 2 })
        #expect(await eventually(timeout: .seconds(5)) { if case .live = await engine.connection { true } else { false } })

        #expect(await eventually(timeout: .seconds(30)) { await sandbox.counts().unfinishedTransactions == 0 })
        let converged = try await eventually(timeout: .seconds(30)) { try await mismatches(store, sandbox).isEmpty }
        let remaining = try await mismatches(store, sandbox)
        #expect(converged, "\(testCase.name): \(remaining.prefix(5))")
        let storedCount = try store.allTransactions().count
        #expect(injected > 0 && storedCount == injected)
        #expect(try store.integrityCheck() == "ok")
    }
}
