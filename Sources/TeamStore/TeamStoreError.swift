import Foundation
import PostgresNIO

public enum TeamStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case badURL(String)
    case unreachable(String)
    case schemaTooNew(found: Int, supported: Int)
    case server(String)

    public var description: String {
        switch self {
        case .badURL(let message): message
        case .unreachable(let reason): "the team store is unreachable: \(reason)"
        case .schemaTooNew(let found, let supported):
            "the team store's schema is version \(found), newer than this pursedesk understands (version \(supported)); upgrade pursedesk"
        case .server(let message): "the team store refused: \(message)"
        }
    }

    /// A PostgresNIO error in words that carry no query parameters (PSQLError's own description
    /// hides everything; its parts say what went wrong).
    static func describe(_ error: any Error) -> String {
        if let error = error as? TeamStoreError { return error.description }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return String(describing: underlying) }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            if let underlying = error.closureError ?? error.commitError ?? error.beginError { return describe(underlying) }
        }
        return String(describing: error)
    }
}
