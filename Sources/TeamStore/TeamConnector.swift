import CalypsoAPI
import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// Opens connections to the team store. Every connection is its own session, so a session-level
/// advisory lock dies with the process that held it, however that process ended.
public struct TeamConnector: Sendable {
    public let url: TeamStoreURL
    private let password: Secret?
    private let connectTimeout: Duration
    private let nextId = Locked(0)

    public init(url: TeamStoreURL, password: Secret?, connectTimeout: Duration = .seconds(3)) {
        self.url = url
        self.password = password
        self.connectTimeout = connectTimeout
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "pursedesk.team")
        logger.logLevel = .critical
        return logger
    }()

    public func connect() async throws(TeamStoreError) -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .unixSocket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: url.user,
                                  password: password?.exposedValue, database: url.database)
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: url.user, password: password?.exposedValue,
                                  database: url.database, tls: try tls())
        }
        let seconds = connectTimeout.components.seconds
        configuration.options.connectTimeout = .seconds(max(1, seconds))
        let id = nextId.withLock { value -> Int in
            value += 1
            return value
        }
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: id, logger: Self.quietLogger)
        } catch {
            throw .unreachable("\(url): \(TeamStoreError.describe(error))")
        }
    }

    private func tls() throws(TeamStoreError) -> PostgresConnection.Configuration.TLS {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if url.tls != .verifyFull { tlsConfiguration.certificateVerification = .none }
        do {
            switch url.tls {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: tlsConfiguration))
            case .require, .verifyFull: return .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
        } catch {
            throw .badURL("cannot set up TLS for the team store: \(error)")
        }
    }
}
