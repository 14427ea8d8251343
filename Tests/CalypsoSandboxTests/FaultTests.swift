import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct FaultTests {
    @Test func serverErrorShareOneAnswers500() async throws {
        try await withSandbox({ $0.faults.serverErrorShare = 1 }) { _, client in
            let error = await #expect(throws: CalypsoError.self) { try await client.createCustomer(CustomerCreateRequest()) }
            guard case .api(500, "000", _, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test func malformedShareOneGivesTheUndecodableError() async throws {
        try await withSandbox({ $0.faults.malformedShare = 1 }) { _, client in
            let error = await #expect(throws: CalypsoError.self) { try await client.createCustomer(CustomerCreateRequest()) }
            guard case .undecodable(200, _, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test func tooManyRequestsCarriesRetryAfter() async throws {
        try await withSandbox({ $0.faults.tooManyRequestsShare = 1 }) { server, _ in
            let body = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds())}"#
            let reply = try await signedRequest(server, "/api/v1/exchange/pairs", body: body)
            #expect(reply.status == 429 && reply.header("Retry-After") == "1")
        }
    }

    @Test func downClosesTheConnectionButAdminStillAnswers() async throws {
        try await withSandbox({ $0.faults.down = true }) { server, client in
            let error = await #expect(throws: CalypsoError.self) { try await client.createCustomer(CustomerCreateRequest()) }
            guard case .transport? = error else { Issue.record("got \(String(describing: error))"); return }

            let faults = try await admin(server, "GET", "/sandbox/faults")
            #expect(faults.status == 200 && faults.json["down"] as? Bool == true)
            let cleared = try await admin(server, "POST", "/sandbox/faults", "{}")
            #expect(cleared.json["down"] as? Bool == false)
            #expect(!(try await client.createCustomer(CustomerCreateRequest())).id.isEmpty)
        }
    }

    @Test func hungRequestTimesTheClientOut() async throws {
        try await withSandbox({ $0.faults = SandboxFaults(hangShare: 1, hangLimitSeconds: 3) }) { server, _ in
            var options = ClientOptions()
            options.timeout = .milliseconds(300)
            let client = CalypsoClient(credentials: server.credentials, options: options)
            let started = ContinuousClock.now
            let error = await #expect(throws: CalypsoError.self) { try await client.createCustomer(CustomerCreateRequest()) }
            guard case .transport(.timeout)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func latencyDelaysAnswersAndFaultsCanChangeWhileRunning() async throws {
        try await withSandbox { server, client in
            server.setFaults(SandboxFaults(latencyMilliseconds: 250))
            let started = ContinuousClock.now
            _ = try await client.currentUser()
            #expect(ContinuousClock.now - started >= .milliseconds(250))

            server.setFaults(SandboxFaults(serverErrorShare: 1))
            await #expect(throws: CalypsoError.self) { try await client.createCustomer(CustomerCreateRequest()) }
            server.setFaults(.none)
            _ = try await client.createCustomer(CustomerCreateRequest())
        }
    }
}
