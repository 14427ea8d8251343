import Foundation

/// Builds the body of a request: `{account, timestamp, payload}` serialized exactly once.
/// The returned bytes are what is signed and what is sent. Keys are sorted so that the same
/// request always has the same bytes.
public enum RequestEnvelope {
    struct WithPayload<Payload: Encodable>: Encodable {
        let account: String
        let timestamp: Int64
        let payload: Payload
    }

    struct AccountOnly: Encodable {
        let account: String
        let timestamp: Int64
    }

    struct TimestampOnly: Encodable {
        let timestamp: Int64
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func body<Payload: Encodable>(account: String, timestamp: Int64, payload: Payload) throws -> Data {
        try encoder.encode(WithPayload(account: account, timestamp: timestamp, payload: payload))
    }

    public static func body(account: String, timestamp: Int64) throws -> Data {
        try encoder.encode(AccountOnly(account: account, timestamp: timestamp))
    }

    public static func body(timestamp: Int64) throws -> Data {
        try encoder.encode(TimestampOnly(timestamp: timestamp))
    }
}
