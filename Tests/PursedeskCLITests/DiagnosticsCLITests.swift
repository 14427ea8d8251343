import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

/// The log file and `doctor` as a user meets them: the real binary against the sandbox.
@Suite struct DiagnosticsCLITests {
    let setup: SandboxCLISetup
    var sandbox: SandboxServer { setup.sandbox }
    var scratch: URL { setup.scratch }

    init() async throws {
        setup = try await SandboxCLISetup(seedCustomers: 3, scratchPrefix: "pursedesk-diag")
    }

    var environment: [String: String] {
        setup.environment.merging(["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "TERM": "xterm-256color",
                                   "LANG": "C.UTF-8"]) { _, new in new }
    }

    var logURL: URL { scratch.appendingPathComponent("state/pursedesk/pursedesk.log") }

    func finish() async {
        await sandbox.stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    @Test func requestsAreLoggedWithoutSecretOrBody() async throws {
        let created = try await PursedeskBinary.run(["customer", "create", "--email", "log-me@example.com", "--description", "private note"],
                                              environment: environment)
        #expect(created.status == 0, "\(created.error)")
        let whoami = try await PursedeskBinary.run(["whoami"], environment: environment)
        #expect(whoami.status == 0)
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(log.contains("info api: POST /api/v1/user/current") && log.contains("status=200"), "\(log)")
        #expect(log.contains("ms="))
        #expect(log.contains("notice actions: customer.create succeeded"))
        #expect(!log.contains(sandbox.apiSecret), "the secret reached the log")
        #expect(!log.contains("private note"), "a request body reached the log")

        let quiet = try await PursedeskBinary.run(["whoami", "--log-level", "warning"], environment: environment)
        #expect(quiet.status == 0)
        let after = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        #expect(after.components(separatedBy: "user/current").count == log.components(separatedBy: "user/current").count,
                "--log-level warning still logged a successful request")
        let refused = try await PursedeskBinary.run(["whoami", "--log-level", "loud"], environment: environment)
        #expect(refused.status != 0 && refused.error.contains("log-level"))
        await finish()
    }

    @Test func doctorPassesOnAGoodSetUp() async throws {
        let result = try await PursedeskBinary.run(["doctor"], environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        for check in ["config", "credentials", "clock", "store", "webhook port", "terminal", "secret files", "log file"] {
            #expect(lines.contains { $0.dropFirst(5).hasPrefix(check) }, "no line for \(check): \(result.output)")
        }
        #expect(lines.contains { $0.hasPrefix("ok   credentials") && $0.contains(sandbox.account) })
        #expect(lines.contains { $0.hasPrefix("ok   clock") })
        #expect(lines.contains { $0.hasPrefix("ok   terminal") && $0.contains("256 colours") && $0.contains("UTF-8") })
        #expect(!result.output.contains(sandbox.apiSecret))
        await finish()
    }

    @Test func doctorNamesEachProblemAndItsFix() async throws {
        let config = scratch.appendingPathComponent("config/pursedesk/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        let busy = SandboxServer(configuration: { var c = SandboxConfiguration(); c.seedCustomers = 0; return c }())
        try await busy.start()
        let busyPort = busy.baseURL.port ?? 0
        try """
        [profiles.main]
        base_url = "\(sandbox.baseURL.absoluteString)"
        account = "\(sandbox.account)"
        api_key = "\(sandbox.apiKey)"
        api_secret = "wrong-secret-for-doctor"
        webhook_listen = "127.0.0.1:\(busyPort)"
        [profiles.main.webhook_secrets]
        k1 = "webhook-secret-for-doctor"
        """.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config.path)
        var env = environment
        for key in ["CALYPSO_BASE_URL", "CALYPSO_ACCOUNT", "CALYPSO_API_KEY", "CALYPSO_API_SECRET"] { env[key] = nil }
        env["LANG"] = "C"
        env["TERM"] = "no-such-terminal"
        let result = try await PursedeskBinary.run(["doctor"], environment: env)
        await busy.stop()
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        func line(_ name: String) -> String { lines.first { $0.dropFirst(5).hasPrefix(name) } ?? "" }
        #expect(line("credentials").hasPrefix("fail") && line("credentials").contains("wrong signature") && line("credentials").contains("fix:"))
        #expect(line("webhook port").hasPrefix("fail") && line("webhook port").contains("fix:"), "\(result.output)")
        #expect(line("terminal").hasPrefix("fail") && line("terminal").contains("no-such-terminal"))
        #expect(line("secret files").hasPrefix("fail") && line("secret files").contains("chmod 600"))
        #expect(!result.output.contains("wrong-secret-for-doctor") && !result.output.contains("webhook-secret-for-doctor"))

        try "[profiles.main\nbroken".write(to: config, atomically: true, encoding: .utf8)
        let broken = try await PursedeskBinary.run(["doctor"], environment: env)
        #expect(broken.status == 1 && broken.output.hasPrefix("fail config"), "\(broken.output)")
        await finish()
    }
}
