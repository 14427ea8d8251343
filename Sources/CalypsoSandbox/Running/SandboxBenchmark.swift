import CalypsoAPI
import Foundation

/// Measures `transaction/find` throughput: a sandbox with seeded customers and transactions,
/// hammered over loopback by the project's own client from several concurrent tasks.
public enum SandboxBenchmark {
    public struct Result: Sendable, Hashable {
        public var requests: Int
        public var failures: Int
        public var seconds: Double
        public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
    }

    public static func run(customers: Int = 1000, transactions: Int = 20_000, concurrency: Int = 8,
                           duration: Duration = .seconds(5), pageSize: Int = 50,
                           output: @Sendable (String) -> Void = { _ in }) async throws -> Result {
        var configuration = SandboxConfiguration()
        configuration.seedCustomers = customers
        configuration.seedTransactions = transactions
        configuration.traffic.enabled = false
        let server = SandboxServer(configuration: configuration)
        try await server.start()
        output("sandbox \(server.baseURL.absoluteString): \(customers) customers, \(transactions) transactions")
        let client = CalypsoClient(credentials: server.credentials)
        let pages = max(1, (transactions + pageSize - 1) / pageSize)
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + duration
        let (requests, failures) = await withTaskGroup(of: (Int, Int).self) { group in
            for worker in 0..<max(1, concurrency) {
                group.addTask {
                    var done = 0, failed = 0
                    var page = worker % pages
                    while clock.now < deadline {
                        do {
                            let result = try await client.findTransactions(TransactionFindRequest(pageNumber: page, pageSize: pageSize))
                            if result.result.isEmpty, transactions > 0 { failed += 1 } else { done += 1 }
                        } catch {
                            failed += 1
                        }
                        page = (page + concurrency) % pages
                    }
                    return (done, failed)
                }
            }
            return await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        let elapsed = clock.now - started
        await server.stop()
        let result = Result(requests: requests, failures: failures,
                            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        output(String(format: "%d requests (%d failed) in %.2f s: %.0f req/s with %d tasks, pages of %d",
                      result.requests, result.failures, result.seconds, result.requestsPerSecond, concurrency, pageSize))
        return result
    }
}
