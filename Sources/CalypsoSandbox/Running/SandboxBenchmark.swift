import AsyncHTTPClient
import CalypsoAPI
import Foundation
import NIOCore

/// Measures `transaction/find` throughput: a sandbox with seeded customers and transactions,
/// hammered over loopback from several concurrent tasks, by the project's client or by a lean
/// generator that signs the same envelope but only checks the status and the start of the body
/// (so that, on a small machine, decoding pages does not take the server's CPU).
public enum SandboxBenchmark {
    public enum LoadGenerator: String, Sendable, CaseIterable {
        case projectClient = "project client"
        case lean = "lean signed requests"
    }

    public struct Result: Sendable, Hashable {
        public var requests: Int
        public var failures: Int
        public var seconds: Double
        public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
    }

    public static func run(customers: Int = 1000, transactions: Int = 20_000, concurrency: Int = 8,
                           duration: Duration = .seconds(5), pageSize: Int = 50, generator: LoadGenerator = .projectClient,
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
                        let request = TransactionFindRequest(pageNumber: page, pageSize: pageSize)
                        let answered = switch generator {
                        case .projectClient: await findWithClient(client, request, expectRows: transactions > 0)
                        case .lean: await findLean(server.credentials, request)
                        }
                        if answered { done += 1 } else { failed += 1 }
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
        output(String(format: "%d requests (%d failed) in %.2f s: %.0f req/s with %d tasks, pages of %d, %@",
                      result.requests, result.failures, result.seconds, result.requestsPerSecond, concurrency, pageSize,
                      generator.rawValue))
        return result
    }

    private static func findWithClient(_ client: CalypsoClient, _ request: TransactionFindRequest, expectRows: Bool) async -> Bool {
        guard let page = try? await client.findTransactions(request) else { return false }
        return !(page.result.isEmpty && expectRows)
    }

    private static let pagePrefix = Array(#"{"result":["#.utf8)

    private static func findLean(_ credentials: Credentials, _ payload: TransactionFindRequest) async -> Bool {
        let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
        guard let body = try? RequestEnvelope.body(account: credentials.account, timestamp: timestamp, payload: payload) else { return false }
        var request = HTTPClientRequest(url: credentials.baseURL.absoluteString + "/api/v1/customer-purse/transaction/find")
        request.method = .POST
        request.headers.add(name: "Key", value: credentials.apiKey)
        request.headers.add(name: "Sign", value: CalypsoSignature.sign(body: body, secret: credentials.apiSecret.exposedValue))
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)), response.status == .ok,
              let bytes = try? await response.body.collect(upTo: 4 << 20) else { return false }
        return bytes.readableBytesView.starts(with: pagePrefix)
    }
}
