import Foundation

/// An answer before it is written: status, extra headers and body bytes.
struct SandboxResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8]

    static func raw(_ body: [UInt8]) -> SandboxResponse { SandboxResponse(status: 200, body: body) }

    static func json<Value: Encodable>(_ value: Value) -> SandboxResponse {
        raw(Array((try? SandboxWorld.encoder.encode(value)) ?? Data()))
    }

    static func error(status: Int = 400, _ error: SandboxAPIError, traceId: String) -> SandboxResponse {
        let body = ["errorCode": error.code, "message": error.message, "traceId": traceId]
        return SandboxResponse(status: status, body: Array((try? SandboxWorld.encoder.encode(body)) ?? Data()))
    }
}

/// Thrown to drop the connection without answering (the `down` and hang faults).
struct ConnectionDropped: Error {}
