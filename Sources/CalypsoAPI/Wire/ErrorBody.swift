/// `PublicGatewayErrorResponse`: `{traceId?, errorCode, message}`. `errorCode` is a zero-padded string.
public struct ErrorBody: Codable, Hashable, Sendable {
    public var errorCode: String?
    public var message: String?
    public var traceId: String?

    public init(errorCode: String?, message: String?, traceId: String? = nil) {
        self.errorCode = errorCode
        self.message = message
        self.traceId = traceId
    }

    enum CodingKeys: String, CodingKey { case errorCode, message, traceId }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errorCode = try c.lenientString(.errorCode)
        message = try c.lenientString(.message)
        traceId = try c.lenientString(.traceId)
    }

    /// Documented codes as the API names them.
    public static let codeMeanings: [String: String] = [
        "000": "internal server error", "001": "bad request", "002": "invalid api key", "003": "wrong signature",
        "004": "not found", "006": "incorrect state", "011": "timestamp outside the window",
    ]
}
