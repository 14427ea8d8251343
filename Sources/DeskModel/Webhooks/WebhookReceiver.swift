import CalypsoAPI
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Receives Calypso webhooks: checks size, `Key`, `Sign` over the raw bytes and shape, stores
/// the event durably (deduplicated by event id) and only then answers 200.
public final class WebhookReceiver: Sendable {
    public struct Statistics: Sendable, Equatable {
        public var stored = 0
        public var duplicates = 0
        public var unknownKey = 0
        public var badSignature = 0
        public var malformed = 0
        public var storeFailures = 0
    }

    public let host: String
    public let requestedPort: Int
    public let maxBodyBytes: Int
    private let secrets: Locked<[String: Secret]>
    /// Where verified deliveries go: the session the dashboard shows, which an account switch changes.
    private struct Destination: Sendable {
        var sink: any WebhookSink
        var events: EventHub<DeskEvent>
    }
    private let destination: Locked<Destination>
    private let counters = Locked(Statistics())
    private let state = Locked<(port: Int, task: Task<Void, Never>?)>((0, nil))
    private let log: Logger

    public init(host: String, port: Int, secrets: [String: Secret], store: DeskStore, events: EventHub<DeskEvent>,
                maxBodyBytes: Int = 64 * 1024, sink: (any WebhookSink)? = nil, logger: Logger = Diagnostics.silent.logger("webhooks")) {
        self.host = host
        self.log = logger
        self.requestedPort = port
        self.secrets = Locked(secrets)
        destination = Locked(Destination(sink: sink ?? WebhookBatcher(store: store), events: events))
        self.maxBodyBytes = maxBodyBytes
    }

    /// Parses `HOST:PORT` as given to `--webhook-listen`.
    public static func parseListenAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    public var statistics: Statistics { counters.current }

    /// Stores deliveries from now on in `store` and announces them on `events` (after an account
    /// switch); a delivery already being stored finishes where it started.
    public func retarget(store: DeskStore, events: EventHub<DeskEvent>) {
        destination.withLock { $0 = Destination(sink: WebhookBatcher(store: store), events: events) }
    }

    /// Accepts deliveries signed for this subscription key from now on.
    public func setSecret(_ secret: Secret, forKey key: String) {
        secrets.withLock { $0[key] = secret }
    }
    public var port: Int { state.current.port }
    public var url: URL { URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/webhook")! }

    public func start() async throws {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { [self] request, _ in
            try await self.handle(request)
        }
        router.post("/", use: handler)
        router.post("**", use: handler)
        var logger = Logger(label: "pursedesk.webhooks")
        logger.logLevel = .critical
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: requestedPort), serverName: nil),
            onServerRunning: { channel in
                readyContinuation.yield(channel.localAddress?.port ?? 0)
                readyContinuation.finish()
            },
            logger: logger)
        let task = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                readyContinuation.finish()
            }
        }
        var iterator = ready.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw WebhookReceiverError.cannotListen("\(host):\(requestedPort)")
        }
        state.withLock { $0 = (port, task) }
    }

    public func stop() async {
        let task = state.withLock { current -> Task<Void, Never>? in
            defer { current.task = nil }
            return current.task
        }
        task?.cancel()
        await task?.value
    }

    private func handle(_ request: Request) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: maxBodyBytes)
        let body = Array(buffer.readableBytesView)
        guard let key = request.headers[HTTPField.Name("Key")!], let secret = secrets.current[key] else {
            counters.withLock { $0.unknownKey += 1 }
            return refuse(.unauthorized, "unknown Key", key: request.headers[HTTPField.Name("Key")!])
        }
        guard let sign = request.headers[HTTPField.Name("Sign")!],
              CalypsoSignature.verify(body: body, secret: secret.exposedValue, signature: sign) else {
            counters.withLock { $0.badSignature += 1 }
            return refuse(.unauthorized, "bad Sign", key: key)
        }
        let event: WebhookEnvelope
        do {
            event = try JSONDecoder().decode(WebhookEnvelope.self, from: Data(body))
        } catch {
            counters.withLock { $0.malformed += 1 }
            return refuse(.badRequest, "malformed event", key: key, detail: "\(error)")
        }
        let destination = destination.current
        do {
            switch try await destination.sink.record(event, rawBody: String(decoding: body, as: UTF8.self)) {
            case .stored(let changes):
                counters.withLock { $0.stored += 1 }
                destination.events.publish(changes)
            case .duplicate:
                counters.withLock { $0.duplicates += 1 }
            }
            return Self.answer(.ok, "stored")
        } catch {
            counters.withLock { $0.storeFailures += 1 }
            return refuse(.internalServerError, "not stored", key: key, detail: "\(error)")
        }
    }

    /// Answers a refusal and logs why (the subscription's public key, never a body or a secret).
    private func refuse(_ status: HTTPResponse.Status, _ why: String, key: String?, detail: String? = nil) -> Response {
        var metadata: Logger.Metadata = ["status": "\(status.code)", "key": "\(key.map { String($0.prefix(12)) } ?? "none")"]
        if let detail { metadata["detail"] = "\(detail.prefix(200))" }
        log.warning("webhook refused: \(why)", metadata: metadata)
        return Self.answer(status, why)
    }

    private static func answer(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

public enum WebhookReceiverError: Error, CustomStringConvertible {
    case cannotListen(String)
    public var description: String {
        switch self {
        case .cannotListen(let address): "cannot listen for webhooks on \(address)"
        }
    }
}
