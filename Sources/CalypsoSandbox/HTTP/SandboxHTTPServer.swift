import CalypsoAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// The listening socket. Built on HummingbirdCore's server rather than `Application` because the
/// sandbox must write its own (skewable) `Date` header and must be able to drop a connection
/// without answering.
final class SandboxHTTPServer: Sendable {
    private let server: Server<HTTP1Channel>
    private let listening = Locked<CheckedContinuation<Int, Error>?>(nil)
    private let running = Locked<Task<Void, Never>?>(nil)

    init(host: String, port: Int, api: APIHandler, admin: AdminHandler, faults: FaultInjector) {
        let channel = HTTP1Channel(responder: { request, writer, _ in
            var request = request
            let body = Array(try await request.collectBody(upTo: 16 * 1024 * 1024).readableBytesView)
            let path = request.uri.path
            let method = request.method.rawValue
            let reply: SandboxResponse
            if path.hasPrefix("/api/") {
                reply = try await api.respond(method: method, path: path, key: request.headers[HTTPField.Name("Key")!],
                                              sign: request.headers[HTTPField.Name("Sign")!], body: body)
            } else {
                reply = await admin.respond(method: method, path: path, body: body)
            }
            var headers = HTTPFields()
            headers[.date] = HTTPDate.format(ProtocolClock(skewSeconds: faults.faults.clockSkewSeconds).now())
            if !reply.body.isEmpty { headers[.contentType] = "application/json" }
            for (name, value) in reply.headers { headers[HTTPField.Name(name)!] = value }
            let response = Response(status: .init(code: reply.status), headers: headers,
                                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
            try await writer.write(response: response.head, body: response.body)
        })
        var logger = Logger(label: "pursedesk.sandbox")
        logger.logLevel = .critical
        let listening = self.listening
        server = Server(
            childChannelSetup: channel,
            configuration: ServerConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                listening.withLock { continuation in
                    continuation?.resume(returning: channel.localAddress?.port ?? port)
                    continuation = nil
                }
            },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger)
    }

    /// Returns the bound port once the server listens.
    func start() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            listening.withLock { $0 = continuation }
            running.withLock {
                $0 = Task { [server, listening] in
                    do {
                        try await server.run()
                    } catch {
                        listening.withLock { continuation in
                            continuation?.resume(throwing: error)
                            continuation = nil
                        }
                    }
                }
            }
        }
    }

    func stop() async {
        try? await server.shutdownGracefully()
        await running.current?.value
    }
}
