import CalypsoAPI
import Foundation

/// Resolves a `Configuration` from the environment and the config file.
public struct ConfigurationLoader: Sendable {
    public var environment: [String: String]
    public var profile: String?
    public var dataDirectoryOverride: String?
    public var configFileOverride: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil,
                dataDirectory: String? = nil, configFile: String? = nil) {
        self.environment = environment
        self.profile = profile
        self.dataDirectoryOverride = dataDirectory
        self.configFileOverride = configFile
    }

    public var home: URL {
        URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
    }

    public var configFileURL: URL {
        if let override = configFileOverride ?? environment["PURSEDESK_CONFIG"] { return URL(fileURLWithPath: expand(override)) }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? home.appendingPathComponent(".config", isDirectory: true)
        return base.appendingPathComponent("pursedesk/config.toml")
    }

    public var defaultDataDirectory: URL {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? home.appendingPathComponent(".local/share", isDirectory: true)
        return base.appendingPathComponent("pursedesk", isDirectory: true)
    }

    public func load() throws(ConfigurationError) -> Configuration {
        do {
            return try loadChecked()
        } catch let problem as TOMLProblem {
            throw ConfigurationError(problem.description)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    public static let topLevelKeys = ["default_profile", "theme", "keys", "profiles", "bell", "links"]
    public static let profileKeys = [
        "account", "api_key", "api_secret", "api_secret_file", "base_url", "refresh_interval", "request_budget",
        "request_timeout", "theme", "webhook_listen", "paths", "webhook_secrets", "store", "store_password_file",
        "operator", "export_dir", "log_level", "bell", "links", "explorers",
    ]
    static let explorerKeys = ["tx", "address"]

    private func loadChecked() throws -> Configuration {
        let fileURL = configFileURL
        var warnings: [String] = []
        let file = try readConfigFile(fileURL)
        if let file { warnings += file.unknownKeyWarnings(known: Self.topLevelKeys) }
        let profileSection = try selectProfile(in: file, fileURL: fileURL)

        let dataDirectory = dataDirectoryOverride.map { URL(fileURLWithPath: expand($0), isDirectory: true) }
            ?? environment["PURSEDESK_DATA_DIR"].map { URL(fileURLWithPath: expand($0), isDirectory: true) }
            ?? defaultDataDirectory
        var configuration = Configuration(credentials: nil, credentialSource: .none, dataDirectory: dataDirectory, configFile: fileURL)
        configuration.profileName = profileSection?.name

        // Settings first: a wrong value is a more useful message than missing credentials.
        if let file {
            configuration.bell = try file.boolean("bell") ?? true
            configuration.links = try file.boolean("links") ?? true
        }
        if let (_, section) = profileSection {
            warnings += section.unknownKeyWarnings(known: Self.profileKeys)
            try applySettings(from: section, to: &configuration, fileURL: fileURL, warnings: &warnings)
        }
        // Credentials: the environment wins as a whole when it names an account or key.
        let env = environment
        let envHasCredentials = ["CALYPSO_ACCOUNT", "CALYPSO_API_KEY", "CALYPSO_API_SECRET", "CALYPSO_API_SECRET_FILE"]
            .contains { !(env[$0] ?? "").isEmpty }
        if envHasCredentials && profile == nil {
            configuration.credentials = try credentialsFromEnvironment(warnings: &warnings)
            configuration.credentialSource = .environment
        } else if let (name, section) = profileSection {
            configuration.credentials = try credentials(fromProfile: name, section: section, fileURL: fileURL, warnings: &warnings)
            configuration.credentialSource = configuration.credentials == nil ? .none : .profile(name)
        }

        try applyEnvironmentSettings(to: &configuration)
        if let keys = try file?.section("keys", expected: "a [keys] table of action = key") {
            for action in keys.keys {
                guard let key = keys[action]?.string, !key.isEmpty else { throw keys.mismatch(action, expected: "a key name") }
                configuration.keyBindings[action] = key
            }
        }
        if let theme = try file?.string("theme"), configuration.theme == nil { configuration.theme = theme }
        configuration.warnings = warnings
        return configuration
    }

    // MARK: Pieces

    private func readConfigFile(_ url: URL) throws -> TOMLSection? {
        guard FileManager.default.fileExists(atPath: url.path) else {
            if configFileOverride != nil { throw ConfigurationError("config file \(url.path) does not exist") }
            return nil
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError("cannot read \(url.path) as UTF-8 text: \(error.localizedDescription)")
        }
        return try TOMLDocument.parse(text, source: url.path).rootSection
    }

    private func selectProfile(in file: TOMLSection?, fileURL: URL) throws -> (name: String, section: TOMLSection)? {
        let profiles = try file?.section("profiles", expected: "[profiles.NAME] tables")
        let requested = try profile ?? environment["PURSEDESK_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? file?.string("default_profile")
        guard let name = requested else {
            if let profiles, profiles.keys.count == 1, let only = profiles.keys.first {
                guard let section = try profiles.section(only, expected: "a [profiles.\(only)] table") else { return nil }
                return (only, section)
            }
            return nil
        }
        guard let profiles, profiles[name] != nil else {
            let known = profiles?.keys ?? []
            let hint = NearestName.closest(to: name, among: known).map { "; did you mean \"\($0)\"?" }
                ?? (known.isEmpty ? "" : " (profiles: \(known.joined(separator: ", ")))")
            throw ConfigurationError("no profile named \"\(name)\" in \(fileURL.path)" + hint)
        }
        guard let section = try profiles.section(name, expected: "a [profiles.\(name)] table") else { return nil }
        return (name, section)
    }

    private func credentialsFromEnvironment(warnings: inout [String]) throws(ConfigurationError) -> Credentials {
        let baseURL = try parseBaseURL(environment["CALYPSO_BASE_URL"], origin: "CALYPSO_BASE_URL")
        var missing: [String] = []
        let account = environment["CALYPSO_ACCOUNT"] ?? ""
        let key = environment["CALYPSO_API_KEY"] ?? ""
        if account.isEmpty { missing.append("CALYPSO_ACCOUNT") }
        if key.isEmpty { missing.append("CALYPSO_API_KEY") }
        var secret = environment["CALYPSO_API_SECRET"] ?? ""
        if secret.isEmpty, let path = environment["CALYPSO_API_SECRET_FILE"], !path.isEmpty {
            secret = try readSecretFile(path, warnings: &warnings)
        }
        if secret.isEmpty { missing.append("CALYPSO_API_SECRET (or CALYPSO_API_SECRET_FILE)") }
        guard missing.isEmpty else {
            throw ConfigurationError("incomplete credentials in the environment: set \(missing.joined(separator: ", "))")
        }
        return Credentials(baseURL: baseURL, account: account, apiKey: key, apiSecret: Secret(secret))
    }

    private func credentials(fromProfile name: String, section: TOMLSection, fileURL: URL,
                             warnings: inout [String]) throws -> Credentials? {
        let account = try section.string("account")
        let key = try section.string("api_key", secret: true)
        var secret = try section.string("api_secret", secret: true)
        if secret != nil { warnIfReadableByOthers(fileURL, what: "the config file \(fileURL.path) holds an API secret", warnings: &warnings) }
        if secret == nil, let path = try section.string("api_secret_file") {
            secret = try readSecretFile(path, warnings: &warnings)
        }
        if secret == nil, let fromEnv = environment["CALYPSO_API_SECRET"], !fromEnv.isEmpty { secret = fromEnv }
        if account == nil, key == nil, secret == nil { return nil }
        var missing: [String] = []
        if account == nil { missing.append("account") }
        if key == nil { missing.append("api_key") }
        if secret == nil { missing.append("api_secret or api_secret_file") }
        guard missing.isEmpty, let account, let key, let secret else {
            throw ConfigurationError("profile \"\(name)\" in \(fileURL.path) lacks \(missing.joined(separator: ", "))")
        }
        let base = try parseBaseURL(try section.string("base_url"), origin: section.keyPath("base_url"))
        return Credentials(baseURL: base, account: account, apiKey: key, apiSecret: Secret(secret))
    }

    func readSecretFile(_ path: String, warnings: inout [String]) throws(ConfigurationError) -> String {
        let expanded = expand(path)
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ConfigurationError("cannot read the secret file \(expanded)")
        }
        warnIfReadableByOthers(URL(fileURLWithPath: expanded), what: "the secret file \(expanded)", warnings: &warnings)
        let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ConfigurationError("the secret file \(expanded) is empty") }
        return secret
    }

    func warnIfReadableByOthers(_ url: URL, what: String, warnings: inout [String]) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let permissions = attributes[.posixPermissions] as? NSNumber else { return }
        let mode = permissions.uint16Value
        if mode & 0o077 != 0 {
            let message = "warning: \(what) is readable by group or others (mode \(String(mode, radix: 8))); run: chmod 600 \(url.path)"
            if !warnings.contains(message) { warnings.append(message) }
        }
    }

    private func parseBaseURL(_ text: String?, origin: String) throws(ConfigurationError) -> URL {
        guard let text, !text.isEmpty else { return Credentials.defaultBaseURL }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw ConfigurationError("\(origin) is not an http(s) URL: \(text)")
        }
        return url
    }

    func expand(_ path: String) -> String {
        if path == "~" { return home.path }
        if path.hasPrefix("~/") { return home.appendingPathComponent(String(path.dropFirst(2))).path }
        return path
    }
}
