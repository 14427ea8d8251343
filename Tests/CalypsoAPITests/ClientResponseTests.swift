import CalypsoAPI
import Foundation
import Testing

/// Replies from a script, in order, and records what was sent. The real transport is tested
/// over loopback against the sandbox (CalypsoSandboxTests, PursedeskCLITests).
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    struct Sent { var method: String; var url: URL; var headers: [(String, String)]; var body: [UInt8] }
    private let lock = NSLock()
    private var replies: [Result<HTTPReply, CalypsoError>]
    private(set) var sent: [Sent] = []

    init(_ replies: [Result<HTTPReply, CalypsoError>]) { self.replies = replies }

    func send(method: String, url: URL, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws(CalypsoError) -> HTTPReply {
        let next: Result<HTTPReply, CalypsoError> = lock.withLock {
            sent.append(Sent(method: method, url: url, headers: headers, body: body))
            return replies.isEmpty ? .failure(.transport(.other("script exhausted"))) : replies.removeFirst()
        }
        return try next.get()
    }
}

func reply(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Result<HTTPReply, CalypsoError> {
    .success(HTTPReply(status: status, headers: headers, body: Array(body.utf8)))
}

@Suite struct ClientResponseTests {
    let secret = "b823a6b9ea72408583cef9ec8d67fa52"
    let customerJSON = #"{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","email":"a@b.co","blocked":false}"#

    func client(_ transport: ScriptedTransport, retries: Int = 2, now: Date = Date()) -> CalypsoClient {
        var options = ClientOptions()
        options.retryBaseDelay = .milliseconds(1)
        options.readRetries = retries
        options.now = { now }
        return CalypsoClient(
            credentials: Credentials(baseURL: URL(string: "http://127.0.0.1:9")!, account: "0x1111111111111111111111111111111111111111",
                                     apiKey: "c529e14832b34b74972365cf7bf02430", apiSecret: Secret(secret)),
            transport: transport, options: options)
    }

    @Test func signsTheExactBytesItSends() async throws {
        let transport = ScriptedTransport([reply(200, customerJSON)])
        _ = try await client(transport).createCustomer(CustomerCreateRequest(email: "a@b.co", description: "x"))
        let sent = try #require(transport.sent.first)
        let sign = try #require(sent.headers.first { $0.0 == "Sign" }?.1)
        #expect(CalypsoSignature.verify(body: sent.body, secret: secret, signature: sign))
        #expect(sent.headers.contains { $0 == ("Key", "c529e14832b34b74972365cf7bf02430") })
        #expect(sent.url.absoluteString == "http://127.0.0.1:9/api/v1/customer-purse/customer/create")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sent.body)) as? [String: Any])
        #expect(object["account"] as? String == "0x1111111111111111111111111111111111111111")
        let timestamp = try #require(object["timestamp"] as? Int64)
        #expect(abs(Double(timestamp) / 1000 - Date().timeIntervalSince1970) < 180)
        #expect((object["payload"] as? [String: Any])?["description"] as? String == "x")
    }

    @Test func userCurrentSendsTimestampOnly() async throws {
        let transport = ScriptedTransport([reply(200, #"{"availableAccounts":[]}"#)])
        _ = try await client(transport).currentUser()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(transport.sent[0].body)) as? [String: Any])
        #expect(Set(object.keys) == ["timestamp"])
    }

    @Test(arguments: [
        ("truncated JSON", 200, #"{"id":"3fa85f64-5717"#),
        ("HTML error page", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
        ("empty body", 200, ""),
        ("wrong types", 200, #"{"id":{"nested":true},"blocked":"perhaps"}"#),
        ("array instead of object", 200, "[1,2,3]"),
    ])
    func junkBecomesUndecodable(label: String, status: Int, body: String) async throws {
        let transport = ScriptedTransport([reply(status, body)])
        await #expect {
            _ = try await client(transport).createCustomer(CustomerCreateRequest())
        } throws: { error in
            guard case .undecodable(let gotStatus, _, let excerpt) = error as? CalypsoError else { return false }
            return gotStatus == status && excerpt == String(body.prefix(120))
        }
    }

    @Test func errorBodyInA200IsAnAPIError() async throws {
        let transport = ScriptedTransport([reply(200, #"{"errorCode":"001","message":"Bad request","traceId":"tr-1"}"#)])
        await #expect(throws: CalypsoError.api(status: 200, code: "001", message: "Bad request", traceId: "tr-1")) {
            _ = try await client(transport).createCustomer(CustomerCreateRequest())
        }
    }

    @Test func authenticationErrorsAreTyped() async throws {
        let wrongSign = ScriptedTransport([reply(400, #"{"errorCode":"003","message":"Wrong sign"}"#)])
        await #expect {
            _ = try await client(wrongSign).transaction(id: "t")
        } throws: { error in
            (error as? CalypsoError).map { "\($0)".hasPrefix("wrong signature (003)") } ?? false
        }
        let unknownKey = ScriptedTransport([reply(400, #"{"errorCode":"002","message":"Invalid api key"}"#)])
        await #expect(throws: CalypsoError.authentication(status: 400, code: "002", message: "Invalid api key", traceId: nil)) {
            _ = try await client(unknownKey).transaction(id: "t")
        }
        let http401 = ScriptedTransport([reply(401, "Unauthorized")])
        await #expect(throws: CalypsoError.authentication(status: 401, code: nil, message: nil, traceId: nil)) {
            _ = try await client(http401).transaction(id: "t")
        }
        #expect(wrongSign.sent.count == 1, "authentication failures are not retried")
    }

    @Test func notFound() async throws {
        let transport = ScriptedTransport([reply(400, #"{"errorCode":"004","message":"Requested object is not found"}"#)])
        await #expect(throws: CalypsoError.notFound(message: "Requested object is not found", traceId: nil)) {
            _ = try await client(transport).transaction(id: "t")
        }
    }

    @Test func timestampRejectionMeasuresOffsetAndRetriesOnceWithServerTime() async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let serverDate = "Fri, 15 Jan 2027 08:05:00 GMT" // 1_800_000_300: five minutes ahead
        let rejected = reply(400, #"{"errorCode":"011","message":"Invalid timestamp parameter"}"#, headers: [("Date", serverDate)])
        let transport = ScriptedTransport([rejected, reply(200, customerJSON)])
        let client = client(transport, now: now)
        _ = try await client.blockCustomer(id: "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        #expect(transport.sent.count == 2)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(transport.sent[1].body)) as? [String: Any])
        #expect(second["timestamp"] as? Int64 == 1_800_000_300_000)
        #expect(client.measuredClockOffset == 300)

        let twice = ScriptedTransport([rejected, rejected])
        await #expect {
            _ = try await self.client(twice, now: now).blockCustomer(id: "x")
        } throws: { error in
            guard case .timestampRejected(let offset?, _, _) = error as? CalypsoError else { return false }
            return offset == 300 && "\(error)".contains("+300 s")
        }
    }

    @Test func readsRetryTransientFailuresWritesDoNot() async throws {
        let flaky = ScriptedTransport([.failure(.transport(.timeout)), reply(500, #"{"errorCode":"000","message":"Internal server error"}"#),
                                       reply(200, #"{"id":"t","amount":1,"currency":"ETH","transactionState":"CONFIRMED","complianceState":"CHECKED"}"#)])
        let tx = try await client(flaky).transaction(id: "t")
        #expect(tx.id == "t" && flaky.sent.count == 3)

        let exhausted = ScriptedTransport(Array(repeating: .failure(.transport(.timeout)), count: 5))
        await #expect(throws: CalypsoError.transport(.timeout)) { _ = try await client(exhausted, retries: 2).transaction(id: "t") }
        #expect(exhausted.sent.count == 3)

        for write in ["create", "block", "address"] {
            let failing = ScriptedTransport([.failure(.transport(.timeout)), reply(200, customerJSON)])
            let client = client(failing)
            await #expect(throws: CalypsoError.transport(.timeout)) {
                switch write {
                case "create": _ = try await client.createCustomer(CustomerCreateRequest())
                case "block": _ = try await client.blockCustomer(id: "c")
                default: _ = try await client.depositAddress(customerId: "c", currency: "ETH")
                }
            }
            #expect(failing.sent.count == 1, "\(write) must not be retried")
        }
    }

    @Test func invalidArgumentsFailBeforeSending() async throws {
        let transport = ScriptedTransport([])
        await #expect(throws: CalypsoError.invalidRequest("a customer id is required")) { _ = try await client(transport).blockCustomer(id: "") }
        await #expect(throws: CalypsoError.invalidRequest("page numbers start at 0")) {
            _ = try await client(transport).findTransactions(TransactionFindRequest(pageNumber: -1))
        }
        #expect(transport.sent.isEmpty)
    }

    @Test func requestLogNeverContainsTheSecret() async throws {
        let lines = Locked<[String]>([])
        var options = ClientOptions()
        options.requestLog = { entry in lines.withLock { $0.append(entry.line) } }
        let transport = ScriptedTransport([reply(400, #"{"errorCode":"003","message":"Wrong sign"}"#), reply(200, customerJSON)])
        let client = CalypsoClient(
            credentials: Credentials(baseURL: URL(string: "http://127.0.0.1:9")!, account: "0x1", apiKey: "k", apiSecret: Secret(secret)),
            transport: transport, options: options)
        _ = try? await client.createCustomer(CustomerCreateRequest(email: "a@b.co"))
        _ = try await client.createCustomer(CustomerCreateRequest(email: "a@b.co"))
        #expect(lines.current.count == 2)
        #expect(lines.current.allSatisfy { !$0.contains(secret) })
        #expect(lines.current[0].contains("/api/v1/customer-purse/customer/create") && lines.current[0].contains("HTTP 400"))
    }

    @Test func realTransportReportsConnectionRefused() async throws {
        let client = CalypsoClient(credentials: Credentials(baseURL: URL(string: "http://127.0.0.1:1")!, account: "0x1", apiKey: "k",
                                                            apiSecret: Secret(secret)),
                                   options: { var o = ClientOptions(); o.readRetries = 0; o.timeout = .seconds(5); return o }())
        await #expect(throws: CalypsoError.transport(.connectionRefused)) { _ = try await client.transaction(id: "t") }
    }
}
