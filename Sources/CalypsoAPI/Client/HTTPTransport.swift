import Foundation

public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// The one I/O seam of the client: sends bytes, returns bytes. The real one is
/// `AsyncHTTPTransport`; unit tests of the layer above may substitute their own.
public protocol HTTPTransport: Sendable {
    func send(method: String, url: URL, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws(CalypsoError) -> HTTPReply
}
