import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct AuthenticationTests {
    @Test func signedRequestsFromTheClientAreAccepted() async throws {
        try await withSandbox { server, client in
            let user = try await client.currentUser()
            #expect(user.availableAccounts.first?.account == server.account)
            #expect(server.account.count == 42 && server.account.hasPrefix("0x"))
            #expect(server.apiKey.count == 32 && server.apiSecret.count == 32)
        }
    }

    @Test func unknownKeyIsRejectedWith002() async throws {
        try await withSandbox { server, _ in
            let body = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds()),"payload":{}}"#
            let reply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: body,
                                                key: "00000000000000000000000000000000")
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "002")
            #expect((reply.json["traceId"] as? String)?.isEmpty == false)
        }
    }

    @Test func unknownKeyReachesTheClientAsAnAuthenticationError() async throws {
        try await withSandbox { server, _ in
            var credentials = server.credentials
            credentials.apiKey = "ffffffffffffffffffffffffffffffff"
            let error = await #expect(throws: CalypsoError.self) { try await CalypsoClient(credentials: credentials).currentUser() }
            guard case .authentication(400, "002", _, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test func wrongSignatureIsRejectedWith003() async throws {
        try await withSandbox { server, _ in
            let body = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds()),"payload":{}}"#
            let reply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: body,
                                                secret: "b823a6b9ea72408583cef9ec8d67fa52")
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "003")
        }
    }

    @Test func signatureIsCheckedOverTheRawBytesInAnyCase() async throws {
        try await withSandbox { server, _ in
            // Pretty-printed JSON signed as sent is valid; the upper-case hex signature too.
            let body = "{\n  \"account\": \"\(server.account)\",\n  \"timestamp\": \(nowMilliseconds()),\n  \"payload\": {}\n}"
            let sign = CalypsoSignature.sign(body: Array(body.utf8), secret: server.apiSecret).uppercased()
            let reply = try await rawRequest(server.baseURL.appendingPathComponent("/api/v1/customer-purse/customer/create"),
                                             headers: [("Key", server.apiKey), ("Sign", sign)], body: Array(body.utf8))
            #expect(reply.status == 200)
            #expect(reply.json["blocked"] as? Bool == false)
        }
    }

    @Test func timestampOutsideTheWindowIsRejectedWith011AndTheDateHeaderShowsServerTime() async throws {
        try await withSandbox { server, _ in
            let stale = nowMilliseconds() - 181_000
            let body = #"{"account":"\#(server.account)","timestamp":\#(stale),"payload":{}}"#
            let reply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: body)
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "011")
            let date = try #require(reply.header("Date"))
            #expect(date.hasSuffix(" GMT"))

            let inside = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds() - 170_000),"payload":{}}"#
            #expect(try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: inside).status == 200)
        }
    }

    @Test func otherAccountIsRejectedWith002AndMissingAccountWith001() async throws {
        try await withSandbox { server, _ in
            let other = #"{"account":"0x1111111111111111111111111111111111111111","timestamp":\#(nowMilliseconds()),"payload":{}}"#
            let otherReply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: other)
            #expect(otherReply.json["errorCode"] as? String == "002")
            let missing = #"{"timestamp":\#(nowMilliseconds()),"payload":{}}"#
            let missingReply = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: missing)
            #expect(missingReply.json["errorCode"] as? String == "001")
        }
    }

    @Test func clientRecoversFromASkewedServerClock() async throws {
        try await withSandbox({ $0.faults.clockSkewSeconds = 600 }) { server, client in
            let customer = try await client.createCustomer(CustomerCreateRequest(email: "skew@example.test"))
            #expect(!customer.id.isEmpty)
            #expect(abs(client.measuredClockOffset - 600) < 5)

            let body = #"{"account":"\#(server.account)","timestamp":\#(nowMilliseconds()),"payload":{}}"#
            let raw = try await signedRequest(server, "/api/v1/customer-purse/customer/create", body: body)
            #expect(raw.json["errorCode"] as? String == "011")
        }
    }
}
