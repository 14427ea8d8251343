import AsyncHTTPClient
import CalypsoAPI
import CalypsoSandbox
import Foundation
import NIOCore

/// A started sandbox with a manual clock and no background traffic, a client for it, and a stop
/// that runs whatever the test body did.
func withSandbox(
    _ configure: (inout SandboxConfiguration) -> Void = { _ in },
    _ body: (SandboxServer, CalypsoClient) async throws -> Void
) async throws {
    var configuration = SandboxConfiguration()
    configuration.seedCustomers = 0
    configuration.traffic.enabled = false
    configuration.clock = ManualClock()
    configuration.webhookRetryScale = 0.001
    configure(&configuration)
    let server = SandboxServer(configuration: configuration)
    try await server.start()
    var options = ClientOptions()
    options.timeout = .seconds(5)
    options.retryBaseDelay = .milliseconds(10)
    let client = CalypsoClient(credentials: server.credentials, options: options)
    do {
        try await body(server, client)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// A request the test builds and signs itself, for what the client would correct or never send.
struct RawReply {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
}

func rawRequest(_ url: URL, method: String = "POST", headers: [(String, String)] = [], body: [UInt8]) async throws -> RawReply {
    var request = HTTPClientRequest(url: url.absoluteString)
    request.method = .init(rawValue: method)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    request.body = .bytes(ByteBuffer(bytes: body))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
    let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
    return RawReply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                    body: Array(bytes.readableBytesView))
}

/// Signs `body` with the sandbox's secret (or `secret`) and posts it to `path`.
func signedRequest(_ server: SandboxServer, _ path: String, body: String, key: String? = nil, secret: String? = nil,
                   method: String = "POST") async throws -> RawReply {
    let bytes = Array(body.utf8)
    let sign = CalypsoSignature.sign(body: bytes, secret: secret ?? server.apiSecret)
    return try await rawRequest(server.baseURL.appendingPathComponent(path), method: method,
                                headers: [("Key", key ?? server.apiKey), ("Sign", sign), ("Content-Type", "application/json")],
                                body: bytes)
}

func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

func admin(_ server: SandboxServer, _ method: String, _ path: String, _ body: String = "") async throws -> RawReply {
    try await rawRequest(server.baseURL.appendingPathComponent(path), method: method, body: Array(body.utf8))
}
