import Foundation

/// What went wrong with a request, typed so that callers can react and people can read it.
public enum CalypsoError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum TransportFailure: Sendable, Equatable {
        case timeout
        case connectionRefused
        case tls(String)
        case other(String)
    }

    /// Any other error answer from the API.
    case api(status: Int, code: String?, message: String?, traceId: String?)
    /// Wrong key (002), wrong signature (003) or HTTP 401.
    case authentication(status: Int, code: String?, message: String?, traceId: String?)
    /// 004: the requested object does not exist.
    case notFound(message: String?, traceId: String?)
    /// 011: the timestamp was outside the ±3 minute window. `clockOffset` is server minus local
    /// time in seconds, measured from the response's `Date` header when it had one.
    case timestampRejected(clockOffset: TimeInterval?, message: String?, traceId: String?)
    case transport(TransportFailure)
    /// A response that could not be understood; `excerpt` is the start of the body.
    case undecodable(status: Int, reason: String, excerpt: String)
    /// Rejected before sending: the request itself is invalid.
    case invalidRequest(String)

    public var description: String {
        switch self {
        case let .api(status, code, message, traceId):
            let label = code.map { "\(ErrorBody.codeMeanings[$0] ?? "error") (\($0))" } ?? "HTTP \(status)"
            return "API error: \(label)" + detail(message) + trace(traceId)
        case let .authentication(status, code, message, traceId):
            switch code {
            case "003": return "wrong signature (003): the API secret does not match the key" + trace(traceId)
            case "002": return "invalid API key (002): the server does not know this key" + trace(traceId)
            default: return "authentication failed (HTTP \(status)\(code.map { ", \($0)" } ?? ""))" + detail(message) + trace(traceId)
            }
        case let .notFound(message, traceId):
            return "not found (004)" + detail(message) + trace(traceId)
        case let .timestampRejected(offset, _, traceId):
            let measured = offset.map { String(format: "; the server clock is %+.0f s from this machine's", $0) } ?? ""
            return "timestamp rejected (011): outside the server's ±3 minute window\(measured)" + trace(traceId)
        case .transport(let failure):
            switch failure {
            case .timeout: return "no answer in time (request timed out)"
            case .connectionRefused: return "connection refused: is the server running at this address?"
            case .tls(let reason): return "TLS failed: \(reason)"
            case .other(let reason): return "network error: \(reason)"
            }
        case let .undecodable(status, reason, excerpt):
            return "unreadable response (HTTP \(status)): \(reason); body starts: \(excerpt.isEmpty ? "<empty>" : excerpt)"
        case .invalidRequest(let reason):
            return "invalid request: \(reason)"
        }
    }

    /// A few words for a status line: what failed, without advice or trace ids.
    public var summary: String {
        switch self {
        case .transport(.timeout): "timed out"
        case .transport(.connectionRefused): "connection refused"
        case .transport(.tls): "TLS failed"
        case .transport(.other): "network error"
        case .api(429, _, _, _): "rate limited (429)"
        case .api(let status, let code, _, _): code.map { "API error \($0) (HTTP \(status))" } ?? "HTTP \(status)"
        case .authentication(_, let code, _, _): code == "003" ? "wrong signature (003)" : "authentication failed"
        case .notFound: "not found (004)"
        case .timestampRejected: "timestamp rejected (011)"
        case .undecodable(let status, _, _): "unreadable response (HTTP \(status))"
        case .invalidRequest: "invalid request"
        }
    }

    private func detail(_ message: String?) -> String {
        guard let message, !message.isEmpty else { return "" }
        return ": \(message)"
    }

    private func trace(_ traceId: String?) -> String {
        guard let traceId, !traceId.isEmpty else { return "" }
        return " [trace \(traceId)]"
    }

    /// Whether repeating the same read might succeed.
    public var isTransient: Bool {
        switch self {
        case .transport: true
        case .api(let status, let code, _, _): status >= 500 || status == 429 || code == "000"
        case .undecodable(let status, _, _): status >= 500 || status == 429
        default: false
        }
    }

    /// Builds the typed error for an error answer.
    static func from(status: Int, body: ErrorBody?, serverDate: Date?, now: Date) -> CalypsoError {
        let code = body?.errorCode
        let message = body?.message
        let traceId = body?.traceId
        switch code {
        case "002", "003": return .authentication(status: status, code: code, message: message, traceId: traceId)
        case "004": return .notFound(message: message, traceId: traceId)
        case "011": return .timestampRejected(clockOffset: serverDate.map { $0.timeIntervalSince(now) }, message: message, traceId: traceId)
        default:
            if status == 401 || status == 403 {
                return .authentication(status: status, code: code, message: message, traceId: traceId)
            }
            return .api(status: status, code: code, message: message, traceId: traceId)
        }
    }

    /// At most `limit` characters of a body, on one line.
    static func excerpt(_ body: [UInt8], limit: Int = 120) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let flattened = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        let clipped = String(flattened.prefix(limit))
        return clipped.count < text.count ? clipped + "…" : clipped
    }
}
