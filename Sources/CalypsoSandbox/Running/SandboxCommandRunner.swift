import CalypsoAPI
import Foundation

/// `pursedesk sandbox`: starts a sandbox in the foreground, prints how to reach it, and runs until
/// SIGINT or SIGTERM.
public enum SandboxCommandRunner {
    struct Announcement: Encodable {
        struct Webhook: Encodable {
            var requestId: String
            var url: String
            var publicKey: String?
            var secretKey: String?
        }

        var baseURL: String
        var account: String
        /// Every account the key serves, `account` first.
        var accounts: [SandboxAccount]
        var apiKey: String
        var apiSecret: String
        var seed: UInt64
        var webhook: Webhook?
    }

    /// With `json`, the first line of output is one JSON object with the credentials (sandbox
    /// credentials only, never real ones).
    public static func run(configuration: SandboxConfiguration, json: Bool, output: @escaping @Sendable (String) -> Void) async throws {
        let server = SandboxServer(configuration: configuration)
        try await server.start()
        for line in announcement(for: server, json: json) { output(line) }
        await TerminationSignals.wait()
        output("stopping sandbox")
        await server.stop()
    }

    static func announcement(for server: SandboxServer, json: Bool) -> [String] {
        let webhook = server.startupSubscription.map {
            Announcement.Webhook(requestId: $0.requestId, url: $0.url, publicKey: $0.publicKey, secretKey: $0.secretKey)
        }
        var lines: [String] = []
        if json {
            let announcement = Announcement(baseURL: server.baseURL.absoluteString, account: server.account,
                                            accounts: server.accounts, apiKey: server.apiKey, apiSecret: server.apiSecret,
                                            seed: server.configuration.seed, webhook: webhook)
            lines.append(String(decoding: (try? SandboxWorld.encoder.encode(announcement)) ?? Data(), as: UTF8.self))
        } else {
            lines += [
                "Calypso sandbox listening on \(server.baseURL.absoluteString)",
                "  account     \(server.account)",
            ]
            lines += server.accounts.dropFirst().map { "  also        \($0.account)  (\($0.name); same key, --account selects it)" }
            lines += [
                "  API key     \(server.apiKey)",
                "  API secret  \(server.apiSecret)   (sandbox only)",
            ]
            if let webhook {
                lines += [
                    "  webhook     \(webhook.url)  requestId \(webhook.requestId)",
                    "              Key \(webhook.publicKey ?? "")  secret \(webhook.secretKey ?? "")",
                ]
            }
            lines += ["", "Use it from another shell:"]
        }
        lines += [
            "export CALYPSO_BASE_URL=\(server.baseURL.absoluteString)",
            "export CALYPSO_ACCOUNT=\(server.account)",
            "export CALYPSO_API_KEY=\(server.apiKey)",
            "export CALYPSO_API_SECRET=\(server.apiSecret)",
        ]
        if !json { lines += ["", "Admin: GET \(server.baseURL.absoluteString)/sandbox/state — Ctrl-C stops."] }
        return lines
    }
}
