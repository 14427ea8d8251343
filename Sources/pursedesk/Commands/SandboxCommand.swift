import ArgumentParser
import CalypsoSandbox
import Foundation

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local Calypso sandbox in the foreground (until Ctrl-C).",
        discussion: """
            Prints the base URL and sandbox-only credentials, plus shell exports, so the CLI, the dashboard \
            or any other client can point at it. With --json the first line is one JSON object.
            """)

    @Option(help: "Port to listen on (0 picks a free one).") var port = 0
    @Option(name: .customLong("seed-customers"), help: "Customers to create at start.") var seedCustomers = 50
    @Option(name: .customLong("deposit-rate"), help: "Generated deposits per second (0 for none).") var depositRate = 0.5
    @Option(name: .customLong("time-scale"), help: "Simulated seconds per real second.") var timeScale = 1.0
    @Option(name: .customLong("webhook-url"), help: "Subscribe this URL to webhooks at start.") var webhookURL: String?
    @Option(help: "Random seed, for a reproducible run.") var seed: UInt64 = 1
    @Option(help: "Merchant accounts served for the one API key, each with its own world.") var accounts = 2
    @Flag(help: "Print the credentials as one JSON object on the first line.") var json = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...20).contains(accounts) else { throw ValidationError("--accounts must be between 1 and 20") }
        guard (0...1_000_000).contains(seedCustomers) else { throw ValidationError("--seed-customers must be between 0 and 1000000") }
        guard depositRate >= 0, depositRate <= 1000 else { throw ValidationError("--deposit-rate must be between 0 and 1000 per second") }
        guard timeScale > 0, timeScale <= 100_000 else { throw ValidationError("--time-scale must be above 0 and at most 100000") }
        if let webhookURL {
            guard let url = URL(string: webhookURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--webhook-url must be an http(s) URL")
            }
        }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.port = port
        configuration.seedCustomers = seedCustomers
        configuration.accountCount = accounts
        configuration.timeScale = timeScale
        configuration.webhookURL = webhookURL
        configuration.seed = seed
        configuration.traffic.depositsPerSecond = depositRate
        configuration.traffic.enabled = depositRate > 0
        do {
            try await SandboxCommandRunner.run(configuration: configuration, json: json) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            Terminal.printError("pursedesk: error: the sandbox could not start: \(error)")
            throw ExitCode(1)
        }
    }
}
