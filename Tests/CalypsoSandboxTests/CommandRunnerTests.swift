import CalypsoAPI
@testable import CalypsoSandbox
import Foundation
import Testing

@Suite struct CommandRunnerTests {
    @Test func jsonAnnouncementIsOneObjectOnTheFirstLineFollowedByExports() async throws {
        try await withSandbox { server, _ in
            let lines = SandboxCommandRunner.announcement(for: server, json: true)
            let first = try #require(lines.first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            #expect(object["baseURL"] as? String == server.baseURL.absoluteString)
            #expect(object["account"] as? String == server.account)
            #expect(object["apiKey"] as? String == server.apiKey && object["apiSecret"] as? String == server.apiSecret)
            #expect(lines.contains("export CALYPSO_API_SECRET=\(server.apiSecret)"))
            #expect(lines.contains("export CALYPSO_BASE_URL=\(server.baseURL.absoluteString)"))
        }
    }

    @Test func benchmarkCountsSuccessfulRequests() async throws {
        let result = try await SandboxBenchmark.run(customers: 50, transactions: 500, concurrency: 2, duration: .milliseconds(500))
        #expect(result.requests > 0 && result.failures == 0)
        #expect(result.requestsPerSecond > 0)
    }
}
