import CalypsoAPI
import Foundation
import Testing
@testable import TeamStore
import TestScratch

@Suite struct TeamStoreURLTests {
    @Test func parsesTCPAndSocketForms() throws {
        let tcp = try TeamStoreURL(parsing: "postgres://desk@db.example.com:6543/pursedesk?sslmode=require", defaultUser: "me")
        #expect(tcp.endpoint == .tcp(host: "db.example.com", port: 6543))
        #expect(tcp.user == "desk" && tcp.database == "pursedesk" && tcp.tls == .require)
        let socket = try TeamStoreURL(parsing: "postgresql:///team?host=/tmp/pg", defaultUser: "me")
        #expect(socket.endpoint == .unixSocket(directory: "/tmp/pg", port: 5432))
        #expect(socket.user == "me" && socket.database == "team" && socket.tls == .prefer)
    }

    @Test func refusesPasswordsAndNonsenseWithoutEchoingTheSecret() {
        do {
            _ = try TeamStoreURL(parsing: "postgres://desk:hunter2@db/pursedesk", defaultUser: "me")
            Issue.record("a password in the URL was accepted")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("PGPASSWORD"))
        }
        #expect(throws: TeamStoreError.self) { try TeamStoreURL(parsing: "mysql://db/x", defaultUser: "me") }
        #expect(throws: TeamStoreError.self) { try TeamStoreURL(parsing: "postgres://db/x?sslmode=sometimes", defaultUser: "me") }
        #expect(throws: TeamStoreError.self) { try TeamStoreURL(parsing: "postgres://db/x?password=x", defaultUser: "me") }
    }

    @Test func readsPasswordsFromTheEnvironmentThenThePasswordFile() throws {
        let url = try TeamStoreURL(parsing: "postgres://desk@db.example.com:5433/team", defaultUser: "me")
        let directory = ScratchRoot.url.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pgpass = directory.appendingPathComponent("pgpass").path
        try """
            # comment
            other.example.com:5433:team:desk:wrong
            db.example.com:5433:team:desk:pa\\:ss
            *:*:*:*:fallback
            """.write(toFile: pgpass, atomically: true, encoding: .utf8)
        #expect(try StorePassword.resolve(for: url, passwordFile: nil, environment: ["PGPASSFILE": pgpass])?.exposedValue == "pa:ss")
        #expect(try StorePassword.resolve(for: url, passwordFile: nil, environment: ["PGPASSFILE": pgpass, "PGPASSWORD": "env"])?
            .exposedValue == "env")
        let other = try TeamStoreURL(parsing: "postgres://x@elsewhere/y", defaultUser: "me")
        #expect(try StorePassword.resolve(for: other, passwordFile: nil, environment: ["PGPASSFILE": pgpass])?.exposedValue == "fallback")
        let file = directory.appendingPathComponent("secret").path
        try "from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try StorePassword.resolve(for: url, passwordFile: file, environment: ["PGPASSWORD": "env"])?.exposedValue == "from-file")
        #expect(try StorePassword.resolve(for: url, passwordFile: nil, environment: ["PGPASSFILE": "/nonexistent"]) == nil)
    }
}
