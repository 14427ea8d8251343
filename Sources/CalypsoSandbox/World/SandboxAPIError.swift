/// An error answer: HTTP 400 with `{"errorCode","message","traceId"}`.
public struct SandboxAPIError: Error, Sendable, Equatable {
    public var code: String
    public var message: String

    public static func badRequest(_ message: String) -> SandboxAPIError { SandboxAPIError(code: "001", message: message) }
    public static func notFound(_ message: String) -> SandboxAPIError { SandboxAPIError(code: "004", message: message) }
}
