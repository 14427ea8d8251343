import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `HTTPTransport` over AsyncHTTPClient, mapping its failures onto `CalypsoError.transport`.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let ownsClient: Bool
    /// Responses larger than this are refused rather than buffered.
    private let maxBodyBytes: Int

    public init(client: HTTPClient = AsyncHTTPTransport.failFastClient, maxBodyBytes: Int = 32 * 1024 * 1024) {
        self.client = client
        self.ownsClient = false
        self.maxBodyBytes = maxBodyBytes
    }

    /// The shared client's settings, except that a refused connection fails the request at once:
    /// AsyncHTTPClient otherwise retries connecting until the request's deadline, so a stopped
    /// server looked like a 10 s timeout per request and the dashboard said `live` meanwhile.
    /// The caller's own retries (visible, counted) take over.
    public static let failFastClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public func send(method: String, url: URL, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws(CalypsoError) -> HTTPReply {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000))
            let bytes = try await response.body.collect(upTo: maxBodyBytes)
            return HTTPReply(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(bytes.readableBytesView))
        } catch let error as HTTPClientError {
            throw .transport(Self.classify(error))
        } catch is NIOTooManyBytesError {
            throw .undecodable(status: 200, reason: "response larger than \(maxBodyBytes) bytes", excerpt: "")
        } catch let error as ChannelError {
            if case .connectTimeout = error { throw .transport(.timeout) }
            throw .transport(.other(String(describing: error)))
        } catch {
            throw .transport(Self.classifyOther(error))
        }
    }

    static func classify(_ error: HTTPClientError) -> CalypsoError.TransportFailure {
        switch error {
        case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: .timeout
        case .remoteConnectionClosed: .other("the server closed the connection")
        default: .other(String(describing: error))
        }
    }

    static func classifyOther(_ error: Error) -> CalypsoError.TransportFailure {
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return .connectionRefused }
        if text.localizedCaseInsensitiveContains("ssl") || text.localizedCaseInsensitiveContains("tls")
            || text.localizedCaseInsensitiveContains("certificate") { return .tls(text) }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") { return .timeout }
        return .other(text)
    }
}
