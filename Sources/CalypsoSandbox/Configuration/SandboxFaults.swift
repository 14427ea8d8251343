/// Failures the sandbox injects into `/api/v1` traffic (never into `/sandbox`). Shares are
/// probabilities from 0 to 1, drawn per request.
public struct SandboxFaults: Sendable, Hashable, Codable {
    /// Added before every answer.
    public var latencyMilliseconds: Int
    /// Answered with 500 and error code 000.
    public var serverErrorShare: Double
    /// Answered with 429 and `Retry-After: 1`.
    public var tooManyRequestsShare: Double
    /// Never answered until the client gives up (bounded by `hangLimitSeconds`).
    public var hangShare: Double
    /// Answered 200 with the body cut in half.
    public var malformedShare: Double
    /// Moves the API clock: the timestamp window and the `Date` header.
    public var clockSkewSeconds: Double
    /// Every request's connection is closed without an answer.
    public var down: Bool
    public var hangLimitSeconds: Double

    public init(latencyMilliseconds: Int = 0, serverErrorShare: Double = 0, tooManyRequestsShare: Double = 0,
                hangShare: Double = 0, malformedShare: Double = 0, clockSkewSeconds: Double = 0, down: Bool = false,
                hangLimitSeconds: Double = 60) {
        self.latencyMilliseconds = latencyMilliseconds
        self.serverErrorShare = serverErrorShare
        self.tooManyRequestsShare = tooManyRequestsShare
        self.hangShare = hangShare
        self.malformedShare = malformedShare
        self.clockSkewSeconds = clockSkewSeconds
        self.down = down
        self.hangLimitSeconds = hangLimitSeconds
    }

    public static let none = SandboxFaults()

    enum CodingKeys: String, CodingKey {
        case latencyMilliseconds, serverErrorShare, tooManyRequestsShare, hangShare, malformedShare, clockSkewSeconds,
             down, hangLimitSeconds
    }

    /// Absent members keep their defaults, so `{"down":true}` is a complete request.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            latencyMilliseconds: try c.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0,
            serverErrorShare: try c.decodeIfPresent(Double.self, forKey: .serverErrorShare) ?? 0,
            tooManyRequestsShare: try c.decodeIfPresent(Double.self, forKey: .tooManyRequestsShare) ?? 0,
            hangShare: try c.decodeIfPresent(Double.self, forKey: .hangShare) ?? 0,
            malformedShare: try c.decodeIfPresent(Double.self, forKey: .malformedShare) ?? 0,
            clockSkewSeconds: try c.decodeIfPresent(Double.self, forKey: .clockSkewSeconds) ?? 0,
            down: try c.decodeIfPresent(Bool.self, forKey: .down) ?? false,
            hangLimitSeconds: try c.decodeIfPresent(Double.self, forKey: .hangLimitSeconds) ?? 60)
    }
}
