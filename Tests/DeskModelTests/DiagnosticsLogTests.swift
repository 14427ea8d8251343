import AsyncHTTPClient
import CalypsoAPI
import CalypsoSandbox
import DeskModel
import Foundation
import Logging
import NIOCore
import Testing

/// The log file: size cap and rotation, redaction, and what the sync engine and the webhook
/// receiver write to it.
@Suite struct DiagnosticsLogTests {
    func withScratch(_ body: (URL) async throws -> Void) async throws {
        let directory = try temporaryDirectory("log")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func rotatesAtTheCapAndKeepsOnlyTheNewestFiles() async throws {
        try await withScratch { directory in
            let url = directory.appendingPathComponent("state/pursedesk/pursedesk.log")
            let file = try LogFile(url: url, maxBytes: 2048, keep: 2)
            for index in 0..<200 { file.write("line \(index) " + String(repeating: "x", count: 40)) }
            let manager = FileManager.default
            #expect(manager.fileExists(atPath: url.path) && manager.fileExists(atPath: url.path + ".1"))
            #expect(manager.fileExists(atPath: url.path + ".2"))
            #expect(!manager.fileExists(atPath: url.path + ".3"), "only `keep` rotated files are kept")
            for path in [url.path, url.path + ".1", url.path + ".2"] {
                let size = (try manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                #expect(size > 0 && size <= 2048, "\(path): \(size) bytes")
            }
            #expect(read(url).contains("line 199"), "the newest line is in the current file")
            #expect(!read(url).contains("line 0 ") && !read(URL(fileURLWithPath: url.path + ".2")).contains("line 0 "),
                    "the oldest lines were dropped")
            let mode = (try manager.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.uint16Value
            #expect(mode == 0o600)
        }
    }

    @Test func secretsAreRedactedAndLevelsFiltered() async throws {
        try await withScratch { directory in
            let url = directory.appendingPathComponent("pursedesk.log")
            let secret = "s3cr3t-value-that-must-not-leak"
            let diagnostics = Diagnostics(file: try LogFile(url: url, secrets: [secret]), level: .notice)
            let logger = diagnostics.logger("test")
            logger.info("not at this level")
            logger.notice("configured with \(secret)", metadata: ["detail": "body \(secret)\nsecond line"])
            let text = read(url)
            #expect(!text.contains(secret))
            #expect(text.contains("notice test: configured with <redacted>"))
            #expect(!text.contains("not at this level"))
            #expect(text.split(separator: "\n").count == 1, "a message with a newline stays one line: \(text)")
            #expect(text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil)
        }
    }

    @Test func defaultPathFollowsXDGStateHome() {
        #expect(LogFile.defaultURL(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]).path == "/x/state/pursedesk/pursedesk.log")
        #expect(LogFile.defaultURL(environment: ["HOME": "/h"]).path == "/h/.local/state/pursedesk/pursedesk.log")
        #expect(LogFile.defaultURL(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/pursedesk/pursedesk.log")
    }

    @Test func syncFailuresAreLoggedWithTheirReason() async throws {
        try await withScratch { directory in
            let url = directory.appendingPathComponent("pursedesk.log")
            var configuration = SandboxConfiguration()
            configuration.seedCustomers = 3
            configuration.traffic = TrafficSettings(enabled: false)
            let sandbox = SandboxServer(configuration: configuration)
            try await sandbox.start()
            let credentials = sandbox.credentials
            await sandbox.stop()
            let store = try DeskStore.open(dataDirectory: directory, account: credentials.account)
            let diagnostics = Diagnostics(file: try LogFile(url: url, secrets: [credentials.apiSecret.exposedValue]), level: .info)
            var settings = SyncSettings(refreshInterval: .seconds(1))
            settings.retryDelay = .milliseconds(10)
            let engine = SyncEngine(api: CalypsoClient(credentials: credentials).with { $0.readRetries = 0 }, store: store,
                                    events: EventHub(), settings: settings, logger: diagnostics.logger("sync"))
            #expect(await !engine.refreshOnce())
            let text = read(url)
            #expect(text.contains("warning sync: refresh failed"), "\(text)")
            #expect(text.contains("connection refused"))
            #expect(text.contains("info sync: request failed; retrying"))
            #expect(!text.contains(credentials.apiSecret.exposedValue))
        }
    }

    @Test func refusedWebhooksAreLoggedWithWhy() async throws {
        try await withScratch { directory in
            let url = directory.appendingPathComponent("pursedesk.log")
            let key = "0123456789abcdef0123456789abcdef", secret = "fedcba9876543210fedcba9876543210"
            let diagnostics = Diagnostics(file: try LogFile(url: url, secrets: [secret]), level: .info)
            let store = try DeskStore.open(dataDirectory: directory, account: "0xlog")
            let receiver = WebhookReceiver(host: "127.0.0.1", port: 0, secrets: [key: Secret(secret)], store: store, events: EventHub(),
                                           logger: diagnostics.logger("webhooks"))
            try await receiver.start()
            defer { Task { await receiver.stop() } }
            func post(key: String, sign: String, body: String) async throws -> Int {
                var request = HTTPClientRequest(url: receiver.url.absoluteString)
                request.method = .POST
                request.headers.add(name: "Key", value: key)
                request.headers.add(name: "Sign", value: sign)
                request.body = .bytes(ByteBuffer(string: body))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 16)
                return Int(response.status.code)
            }
            #expect(try await post(key: "unknown-key-0000", sign: "00", body: "{}") == 401)
            #expect(try await post(key: key, sign: "00", body: "{}") == 401)
            #expect(try await post(key: key, sign: CalypsoSignature.sign(body: Array("not json".utf8), secret: secret), body: "not json") == 400)
            let text = read(url)
            #expect(text.contains("webhook refused: unknown Key") && text.contains("key=unknown-key-"))
            #expect(text.contains("webhook refused: bad Sign"))
            #expect(text.contains("webhook refused: malformed event"))
            #expect(!text.contains(secret))
        }
    }
}
