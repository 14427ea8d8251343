import Foundation

/// A team store named as `postgres://USER@HOST[:PORT]/DB[?sslmode=…&host=/socket/dir]`.
/// The password never comes from the URL: it would sit in argv and shell history.
public struct TeamStoreURL: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// A Unix socket directory, as PostgreSQL and libpq name them: the socket is `.s.PGSQL.PORT` inside.
        case unixSocket(directory: String, port: Int)
    }

    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a team store at all (anything else is not a store URL pursedesk knows).
    public static func isTeamStore(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(parsing text: String, defaultUser: String) throws(TeamStoreError) {
        guard Self.isTeamStore(text), let components = URLComponents(string: text) else {
            throw .badURL("a team store is postgres://USER@HOST[:PORT]/DB[?sslmode=disable|prefer|require|verify-full], not \(Self.redacted(text))")
        }
        if components.password != nil {
            throw .badURL("put the store password in PGPASSWORD, ~/.pgpass or store_password_file, not in the URL")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        for name in query.keys where !["sslmode", "host", "port"].contains(name) {
            throw .badURL("unknown store URL parameter \"\(name)\" (known: sslmode, host)")
        }
        let port = components.port ?? Int(query["port"] ?? "") ?? 5432
        guard (1...65535).contains(port) else { throw .badURL("the store port must be 1–65535") }
        user = components.user.flatMap { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 } ?? defaultUser
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            endpoint = .unixSocket(directory: socketDirectory, port: port)
        } else if let host = components.host, !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            endpoint = .unixSocket(directory: "/var/run/postgresql", port: port)
        }
        let mode = query["sslmode"] ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw .badURL("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(mode)")
        }
        self.tls = tls
    }

    /// For ~/.pgpass matching: the host as libpq names it (a socket directory counts as "localhost").
    var passwordFileHost: String {
        switch endpoint {
        case .tcp(let host, _): host
        case .unixSocket: "localhost"
        }
    }

    var port: Int {
        switch endpoint {
        case .tcp(_, let port), .unixSocket(_, let port): port
        }
    }

    /// Names the local replica file: `team-` and a stable hash of where the store is.
    public var replicaName: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in description.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "team-" + String(hash, radix: 16)
    }

    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host):\(port)/\(database)"
        case .unixSocket(let directory, let port): "postgres://\(user)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// The URL with any password replaced, for messages about a URL that did not parse.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return String(text.prefix(200)) }
        components.password = "<redacted>"
        return components.string ?? "<unreadable URL>"
    }
}
