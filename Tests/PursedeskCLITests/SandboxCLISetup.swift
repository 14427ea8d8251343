import CalypsoAPI
import CalypsoSandbox
import Foundation
import TestScratch

/// A quiet sandbox (no traffic) and a scratch home for running the built binary against it.
struct SandboxCLISetup {
    let sandbox: SandboxServer
    let scratch: URL

    init(seedCustomers: Int, scratchPrefix: String) async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = seedCustomers
        configuration.traffic = TrafficSettings(enabled: false)
        sandbox = SandboxServer(configuration: configuration)
        try await sandbox.start()
        scratch = ScratchRoot.url.appendingPathComponent("\(scratchPrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// The sandbox's credentials and a home, data and config directory of the scratch.
    var environment: [String: String] {
        ["CALYPSO_BASE_URL": sandbox.baseURL.absoluteString, "CALYPSO_ACCOUNT": sandbox.account, "CALYPSO_API_KEY": sandbox.apiKey,
         "CALYPSO_API_SECRET": sandbox.apiSecret, "HOME": scratch.path, "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path]
    }
}
