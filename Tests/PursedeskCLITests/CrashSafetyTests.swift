import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Testing
import TmuxDriver
import TestScratch

/// SIGKILL in the middle of work, then a restart: what was committed is there and SQLite is intact.
@Suite struct CrashSafetyTests {
    func startSandbox() async throws -> SandboxServer {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 300
        configuration.seedTransactions = 3000
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 40, stepSeconds: 1)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        return sandbox
    }

    func environment(_ sandbox: SandboxServer, data: URL) -> [String: String] {
        ["CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account, "CALYPSO_API_KEY": sandbox.apiKey,
         "CALYPSO_API_SECRET": sandbox.apiSecret, "HOME": data.path, "XDG_CONFIG_HOME": data.path,
         "PURSEDESK_DATA_DIR": data.appendingPathComponent("store").path,
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    @Test func sigkillDuringSyncKeepsWhatWasCommitted() async throws {
        let sandbox = try await startSandbox()
        defer { Task { await sandbox.stop() } }
        let data = ScratchRoot.url.appendingPathComponent("pursedesk-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let storeDirectory = data.appendingPathComponent("store")

        let process = Process()
        process.executableURL = PursedeskBinary.url
        process.arguments = ["sync"]
        process.environment = environment(sandbox, data: data)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()

        // Wait until the sync has committed a good amount, then kill it mid-refresh.
        var committedBefore = 0
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(30) {
            if let store = try? DeskStore.open(dataDirectory: storeDirectory, account: sandbox.account),
               let count = try? store.allTransactions().count, count >= 300 {
                committedBefore = count
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(process.processIdentifier, SIGKILL)
        await exit.wait()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(committedBefore >= 300, "the sync never committed enough to test")

        let reopened = try DeskStore.open(dataDirectory: storeDirectory, account: sandbox.account)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.allTransactions().count >= committedBefore)

        // And a restarted sync carries on from there.
        let restart = try await PursedeskBinary.run(["sync", "--duration", "8"], environment: environment(sandbox, data: data))
        #expect(restart.status == 0, "\(restart.error)")
        #expect(restart.output.contains("live"))
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func sigkillDuringAnActionLeavesATruthfulAuditRow() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 3
        configuration.traffic = TrafficSettings(enabled: false)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let customer = try #require(await sandbox.state().customers.first)
        let data = ScratchRoot.url.appendingPathComponent("pursedesk-kill-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let storeDirectory = data.appendingPathComponent("store")
        var faults = SandboxFaults.none
        faults.latencyMilliseconds = 5000
        sandbox.setFaults(faults)

        let process = Process()
        process.executableURL = PursedeskBinary.url
        process.arguments = ["customer", "block", customer.id, "--yes"]
        process.environment = environment(sandbox, data: data)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()
        var pending = false
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(4), !pending {
            if let store = try? DeskStore.open(dataDirectory: storeDirectory, account: sandbox.account),
               let entry = try? store.auditLog().first, entry.action == "customer.block" {
                pending = entry.result == .pending
            }
            if !pending { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(pending, "the action was not audited as pending before it was sent")
        kill(process.processIdentifier, SIGKILL)
        await exit.wait()
        sandbox.setFaults(.none)

        let store = try DeskStore.open(dataDirectory: storeDirectory, account: sandbox.account)
        #expect(try store.integrityCheck() == "ok")
        let entry = try #require(try store.auditLog().first)
        #expect(entry.action == "customer.block" && entry.target == customer.id && entry.result == .pending && entry.finishedAt == nil)
        // The outcome is unknown to pursedesk, so the local customer was not marked blocked.
        #expect(try store.customer(id: customer.id)?.blocked != true)
    }
}
