import Foundation

/// One request as seen by a log: never the secret, and the signature shortened.
public struct RequestLogEntry: Sendable {
    public var method: String
    public var path: String
    public var attempt: Int
    public var status: Int?
    public var milliseconds: Double
    public var requestBody: String
    public var responseBytes: Int
    public var signaturePrefix: String
    public var error: String?

    public var line: String {
        let outcome = status.map { "HTTP \($0)" } ?? "failed"
        let failure = error.map { " — \($0)" } ?? ""
        return String(format: "%@ %@ (try %d) → %@ in %.1f ms, %d bytes; Sign %@…%@; body %@",
                      method, path, attempt, outcome, milliseconds, responseBytes, signaturePrefix, failure, requestBody)
    }
}

public struct ClientOptions: Sendable {
    /// Applies to every request, from connect to the last byte.
    public var timeout: Duration = .seconds(10)
    /// How many times a read is tried again after a transient failure (never a write).
    public var readRetries = 2
    public var retryBaseDelay: Duration = .milliseconds(250)
    public var paths = EndpointPaths()
    public var requestLog: (@Sendable (RequestLogEntry) -> Void)?
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
