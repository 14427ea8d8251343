import CalypsoAPI
import Foundation

/// Checks `Key`, `Sign`, `timestamp` and `account`, in that order, over the raw body bytes.
struct RequestAuthenticator: Sendable {
    /// Lowercased.
    let accounts: Set<String>
    let apiKey: String
    let apiSecret: String

    private struct EnvelopeHead: Decodable {
        var account: String?
        var timestamp: Int64?
    }

    /// Returns the account the request acts on (lowercased); nil for `user/current`
    /// (`needsAccount` false), whose body is `{timestamp}` only.
    @discardableResult
    func authenticate(key: String?, sign: String?, body: [UInt8], clock: ProtocolClock,
                      needsAccount: Bool) throws(SandboxAPIError) -> String? {
        guard let key, key == apiKey else { throw SandboxAPIError(code: "002", message: "Invalid api key") }
        guard let sign, CalypsoSignature.verify(body: body, secret: apiSecret, signature: sign) else {
            throw SandboxAPIError(code: "003", message: "Wrong sign")
        }
        guard let head = try? JSONDecoder().decode(EnvelopeHead.self, from: Data(body)) else {
            throw .badRequest("The body must be a JSON object with an integer timestamp")
        }
        guard let timestamp = head.timestamp else { throw .badRequest("timestamp is required") }
        guard clock.accepts(timestampMilliseconds: timestamp) else {
            throw SandboxAPIError(code: "011", message: "Invalid timestamp parameter")
        }
        guard needsAccount else { return nil }
        guard let given = head.account else { throw .badRequest("account is required") }
        guard accounts.contains(given.lowercased()) else {
            throw SandboxAPIError(code: "002", message: "The api key does not belong to account \(given)")
        }
        return given.lowercased()
    }
}
