import CalypsoAPI
import DeskModel
import Foundation
import PursedeskConfig
import TerminalUI

/// The checks of `pursedesk doctor`, in the order a set-up depends on them.
struct DoctorChecks {
    var options: GlobalOptions
    var environment = ProcessInfo.processInfo.environment

    func run() async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(profile: options.profile, dataDirectory: options.dataDir, configFile: options.config).load()
            let source = FileManager.default.fileExists(atPath: configuration.configFile.path) ? configuration.configFile.path : "no config file (defaults)"
            checks.append(.ok("config", source + (configuration.profileName.map { ", profile \($0)" } ?? "")))
        } catch {
            checks.append(.fail("config", error.message, fix: "correct the file at the line named, or pass --config FILE"))
            checks.append(terminal())
            return checks
        }
        let (credentials, serverOffset) = await self.credentials(configuration)
        checks.append(credentials)
        checks.append(clock(serverOffset))
        checks.append(store(configuration))
        checks.append(webhookPort(configuration))
        checks.append(terminal())
        checks.append(secretFiles(configuration))
        checks.append(logFile())
        return checks
    }

    // MARK: Credentials and clock

    /// `user/current` with the configured credentials; also the server's clock from its `Date` header.
    func credentials(_ configuration: Configuration) async -> (DoctorCheck, TimeInterval?) {
        guard let credentials = configuration.credentials else {
            return (.warn("credentials", "none configured: the dashboard runs on its embedded sandbox",
                          fix: "set CALYPSO_ACCOUNT, CALYPSO_API_KEY and CALYPSO_API_SECRET(_FILE), or add a profile"), nil)
        }
        let transport = DateRecordingTransport()
        var clientOptions = ClientOptions()
        clientOptions.paths = configuration.paths
        clientOptions.readRetries = 0
        clientOptions.timeout = .milliseconds(Int((options.timeout ?? configuration.requestTimeout) * 1000))
        let client = CalypsoClient(credentials: credentials, transport: transport, options: clientOptions)
        let where_ = credentials.baseURL.absoluteString
        do {
            let user = try await client.currentUser()
            let who = user.email ?? user.name ?? user.id ?? "a user"
            let listed = user.availableAccounts.isEmpty || user.availableAccounts.contains { $0.account == credentials.account }
            let check: DoctorCheck = listed
                ? .ok("credentials", "user/current at \(where_) answered: \(who), account \(credentials.account)")
                : .warn("credentials", "\(who) does not list account \(credentials.account)",
                        fix: "set CALYPSO_ACCOUNT to one of: \(user.availableAccounts.map(\.account).joined(separator: ", "))")
            return (check, transport.serverOffset)
        } catch {
            return (.fail("credentials", "user/current at \(where_): \(error)", fix: Self.fix(for: error)), transport.serverOffset ?? error.clockOffset)
        }
    }

    static func fix(for error: CalypsoError) -> String {
        switch error {
        case .authentication(_, "003", _, _): "the API secret does not match the key: copy both again from the merchant dashboard"
        case .authentication: "check CALYPSO_API_KEY (or the profile's api_key) and that the key is enabled"
        case .transport(.connectionRefused): "nothing listens at the base URL: check CALYPSO_BASE_URL and that the server runs"
        case .transport(.timeout): "no answer in time: check the network, or raise --timeout"
        case .transport(.tls): "TLS failed: check the URL's scheme and the system's CA certificates"
        case .timestampRejected: "the clock is more than 3 minutes off: enable time sync (timedatectl set-ntp true)"
        case .notFound: "the path is not served: check the profile's endpoint paths and the base URL"
        default: "check the base URL and the API's status"
        }
    }

    func clock(_ offset: TimeInterval?) -> DoctorCheck {
        guard let offset else { return .skip("clock", "no answer from the API to compare with") }
        let text = String(format: "%+.0f s against the API's Date header", offset)
        if abs(offset) >= 180 {
            return .fail("clock", text + " (outside the ±3 minute window: every request is refused)",
                         fix: "sync the clock: timedatectl set-ntp true")
        }
        if abs(offset) >= 30 {
            return .warn("clock", text, fix: "sync the clock before it drifts past 3 minutes: timedatectl set-ntp true")
        }
        return .ok("clock", text)
    }

    // MARK: Local things

    func store(_ configuration: Configuration) -> DoctorCheck {
        let account = configuration.credentials?.account
        guard let account else { return .skip("store", "no account configured (the sandbox's store is temporary)") }
        let url = DeskStore.fileURL(dataDirectory: configuration.dataDirectory, account: account)
        do {
            guard let inspection = try StoreInspection.inspect(path: url.path) else {
                return .ok("store", "\(url.path) does not exist yet; the first dashboard or sync creates it")
            }
            guard inspection.integrity == "ok" else {
                return .fail("store", "\(url.path): integrity check says \(inspection.integrity.prefix(200))",
                             fix: "move the file aside; the next sync rebuilds it from the API (the audit log in it is lost)")
            }
            if !inspection.unknownMigrations.isEmpty {
                return .fail("store", "\(url.path) was written by a newer pursedesk (\(inspection.unknownMigrations.joined(separator: ", ")))",
                             fix: "update pursedesk, or use another --data-dir")
            }
            let schema = "schema \(inspection.appliedMigrations.last ?? "empty") (\(inspection.appliedMigrations.count) of \(inspection.knownMigrations.count) migrations)"
            if !inspection.missingMigrations.isEmpty {
                return .ok("store", "\(url.path): integrity ok, \(schema); the next start migrates it")
            }
            return .ok("store", "\(url.path): integrity ok, \(schema)")
        } catch {
            return .fail("store", "\(url.path): \(error)", fix: "check the file's owner and mode, or move it aside")
        }
    }

    func webhookPort(_ configuration: Configuration) -> DoctorCheck {
        guard let address = configuration.webhookListen else { return .skip("webhook port", "webhook_listen not configured") }
        guard let (host, port) = WebhookReceiver.parseListenAddress(address) else {
            return .fail("webhook port", "webhook_listen = \(address) is not HOST:PORT", fix: "write it as 127.0.0.1:8088")
        }
        if configuration.webhookSecrets.isEmpty {
            return .fail("webhook port", "\(address): no webhook_secrets, so every delivery would be refused",
                         fix: "add [profiles.NAME.webhook_secrets] with each subscription's public key = secret")
        }
        switch PortProbe.canListen(host: host, port: port) {
        case .success: return .ok("webhook port", "\(address) is free to listen on")
        case .failure(let reason): return .fail("webhook port", "\(address): \(reason)",
                                                fix: "stop what holds the port (ss -ltnp 'sport = :\(port)') or choose another")
        }
    }

    func terminal() -> DoctorCheck {
        let capabilities = TerminalCapabilities.probe(environment: environment)
        guard let term = capabilities.term else {
            return .fail("terminal", "TERM is not set", fix: "export TERM=xterm-256color")
        }
        guard let colors = capabilities.colors else {
            return .fail("terminal", "terminfo does not know TERM=\(term)", fix: "apt-get install ncurses-term, or export TERM=xterm-256color")
        }
        let text = "TERM=\(term), \(colors) colours, character set \(capabilities.characterSet)"
        if !capabilities.unicode {
            return .warn("terminal", text + ": box lines, ▲/▼ and wide names will not show",
                         fix: "export LANG=C.UTF-8 (or another UTF-8 locale)")
        }
        if colors < 8 {
            return .warn("terminal", text + ": the monochrome theme is used", fix: "use a colour terminal, e.g. TERM=xterm-256color")
        }
        return .ok("terminal", text)
    }

    /// Files holding secrets must be readable by their owner only.
    func secretFiles(_ configuration: Configuration) -> DoctorCheck {
        let loose = configuration.warnings.filter { $0.contains("readable by group or others") }
        if !loose.isEmpty {
            let files = loose.compactMap { warning in warning.range(of: "chmod 600 ").map { String(warning[$0.upperBound...]) } }
            return .fail("secret files", loose.map { $0.replacingOccurrences(of: "warning: ", with: "") }.joined(separator: "; "),
                         fix: "chmod 600 \(files.joined(separator: " "))")
        }
        let file = configuration.configFile.path
        if let mode = Self.mode(file), mode & 0o077 != 0 {
            return .warn("secret files", "\(file) is readable by others (mode \(String(mode, radix: 8)))", fix: "chmod 600 \(file)")
        }
        return .ok("secret files", "no secret is readable by group or others")
    }

    func logFile() -> DoctorCheck {
        let url = LogFile.defaultURL(environment: environment)
        do {
            _ = try LogFile(url: url)
            return .ok("log file", url.path)
        } catch {
            return .warn("log file", "cannot write \(url.path): \(error.localizedDescription)",
                         fix: "make \(url.deletingLastPathComponent().path) writable, or set XDG_STATE_HOME")
        }
    }

    static func mode(_ path: String) -> UInt16? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.uint16Value
    }
}

extension CalypsoError {
    var clockOffset: TimeInterval? {
        if case .timestampRejected(let offset, _, _) = self { return offset }
        return nil
    }
}
