import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing
import TmuxDriver

/// The dashboard on the API with a known secret: the secret is never on screen and never on disk.
@Suite(.enabled(if: TmuxServer.isAvailable, "tmux is not on PATH; CI installs it"))
struct DashboardSecretTests {
    @Test func secretNeverShownNorStored() async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = 10
        configuration.traffic = TrafficSettings(enabled: true, depositsPerSecond: 4, stepSeconds: 1)
        let sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let tmux = try TmuxDashboard()
        defer { tmux.kill() }
        try await tmux.start(environment: [
            "CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account,
            "CALYPSO_API_KEY": sandbox.apiKey, "CALYPSO_API_SECRET": sandbox.apiSecret,
        ])
        var screens: [String] = []
        try await tmux.expect("live")
        try await tmux.expectLine { $0.contains("@sandbox.test") || $0.contains("Customers") }
        screens.append(await tmux.screen())
        for keys in [["Enter"], ["?"], ["Escape"], ["Escape"], [":", "feed", "Enter"], [":", "audit", "Enter"], [":", "alerts", "Enter"]] {
            let before = tmux.keysHandled()
            var sent = 0
            for key in keys {
                if key.count == 1 || ["Enter", "Escape"].contains(key) {
                    await tmux.send(key)
                    sent += 1
                } else {
                    await tmux.type(key)
                    sent += key.count
                }
            }
            try await tmux.settle(keys: before + sent)
            screens.append(await tmux.screen())
        }
        #expect(screens.allSatisfy { !$0.contains(sandbox.apiSecret) })
        try await tmux.quitAndExpectShellFromAnyView()

        let needle = Data(sandbox.apiSecret.utf8)
        let files = FileManager.default.enumerator(at: tmux.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(!files.isEmpty, "the dashboard stored nothing")
        let leaking = files.filter { file in
            guard let data = try? Data(contentsOf: file) else { return false }
            return data.range(of: needle) != nil
        }
        #expect(leaking.isEmpty, "the secret is in \(leaking.map(\.path))")
    }
}
