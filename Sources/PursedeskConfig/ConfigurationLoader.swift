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
        let fileURL = configFileURL
        var warnings: [String] = []
        let file = try readConfigFile(fileURL)
        let profileTable = try selectProfile(in: file, fileURL: fileURL)

        let dataDirectory = dataDirectoryOverride.map { URL(fileURLWithPath: expand($0), isDirectory: true) }
            ?? environment["PURSEDESK_DATA_DIR"].map { URL(fileURLWithPath: expand($0), isDirectory: true) }
            ?? defaultDataDirectory
        var configuration = Configuration(credentials: nil, credentialSource: .none, dataDirectory: dataDirectory, configFile: fileURL)
        configuration.profileName = profileTable?.name

        // Credentials: the environment wins as a whole when it names an account or key.
        let env = environment
        let envHasCredentials = ["CALYPSO_ACCOUNT", "CALYPSO_API_KEY", "CALYPSO_API_SECRET", "CALYPSO_API_SECRET_FILE"]
            .contains { !(env[$0] ?? "").isEmpty }
        if envHasCredentials && profile == nil {
            configuration.credentials = try credentialsFromEnvironment(warnings: &warnings)
            configuration.credentialSource = .environment
        } else if let (name, table) = profileTable {
            configuration.credentials = try credentials(fromProfile: name, table: table, fileURL: fileURL, warnings: &warnings)
            configuration.credentialSource = configuration.credentials == nil ? .none : .profile(name)
        }

        if let (name, table) = profileTable {
            try applySettings(from: table, profile: name, to: &configuration, fileURL: fileURL, warnings: &warnings)
        }
        if let keys = file?["keys"] {
            guard case .table(let table) = keys else { throw fileError(fileURL, line: file?.line(of: "keys"), "[keys] must be a table") }
            for key in table.keys {
                guard let value = table[key]?.string else { throw fileError(fileURL, line: table.line(of: key), "keys.\(key) must be a string") }
                configuration.keyBindings[key] = value
            }
        }
        if let theme = file?["theme"]?.string, configuration.theme == nil { configuration.theme = theme }
        if let bell = file?["bell"] {
            guard let ring = bell.boolean else { throw fileError(fileURL, line: file?.line(of: "bell"), "bell must be true or false") }
            configuration.bell = ring
        }
        configuration.warnings = warnings
        return configuration
    }

    // MARK: Pieces

    private func readConfigFile(_ url: URL) throws(ConfigurationError) -> TOMLTable? {
        guard FileManager.default.fileExists(atPath: url.path) else {
            if configFileOverride != nil { throw ConfigurationError("config file \(url.path) does not exist") }
            return nil
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError("cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try TOMLParser.parse(text)
        } catch {
            throw ConfigurationError("\(url.path): \(error)")
        }
    }

    private func selectProfile(in file: TOMLTable?, fileURL: URL) throws(ConfigurationError) -> (name: String, table: TOMLTable)? {
        let profiles = file?["profiles"]?.table
        let requested = profile ?? environment["PURSEDESK_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? file?["default_profile"]?.string
        guard let name = requested else {
            if let profiles, profiles.keys.count == 1, let only = profiles.keys.first, let table = profiles[only]?.table {
                return (only, table)
            }
            return nil
        }
        guard let table = profiles?[name]?.table else {
            let known = profiles?.keys.joined(separator: ", ") ?? ""
            throw ConfigurationError("no profile named \"\(name)\" in \(fileURL.path)" + (known.isEmpty ? "" : " (profiles: \(known))"))
        }
        return (name, table)
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

    private func credentials(fromProfile name: String, table: TOMLTable, fileURL: URL,
                             warnings: inout [String]) throws(ConfigurationError) -> Credentials? {
        let account = try string(table, "account", profile: name, fileURL: fileURL)
        let key = try string(table, "api_key", profile: name, fileURL: fileURL)
        var secret = try string(table, "api_secret", profile: name, fileURL: fileURL)
        if secret != nil { warnIfReadableByOthers(fileURL, what: "the config file \(fileURL.path) holds an API secret", warnings: &warnings) }
        if secret == nil, let path = try string(table, "api_secret_file", profile: name, fileURL: fileURL) {
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
        let base = try parseBaseURL(try string(table, "base_url", profile: name, fileURL: fileURL), origin: "profiles.\(name).base_url")
        return Credentials(baseURL: base, account: account, apiKey: key, apiSecret: Secret(secret))
    }

    private func applySettings(from table: TOMLTable, profile name: String, to configuration: inout Configuration, fileURL: URL,
                               warnings: inout [String]) throws(ConfigurationError) {
        if let value = try number(table, "refresh_interval", profile: name, fileURL: fileURL) {
            configuration.refreshInterval = max(1, value)
            if value < 1 { warnings.append("refresh_interval \(value) s is below the floor; using 1 s") }
        }
        if let value = try number(table, "request_budget", profile: name, fileURL: fileURL) {
            guard value > 0 else { throw fileError(fileURL, line: table.line(of: "request_budget"), "request_budget must be above 0") }
            configuration.requestBudget = value
        }
        if let value = try number(table, "request_timeout", profile: name, fileURL: fileURL) {
            configuration.requestTimeout = max(1, value)
        }
        configuration.theme = try string(table, "theme", profile: name, fileURL: fileURL)
        configuration.webhookListen = try string(table, "webhook_listen", profile: name, fileURL: fileURL)
        configuration.store = try string(table, "store", profile: name, fileURL: fileURL)
        configuration.storePasswordFile = try string(table, "store_password_file", profile: name, fileURL: fileURL).map(expand)
        configuration.operatorName = try string(table, "operator", profile: name, fileURL: fileURL)
        if let paths = table["paths"] {
            guard case .table(let pathTable) = paths else { throw fileError(fileURL, line: table.line(of: "paths"), "paths must be a table") }
            for key in pathTable.keys {
                guard let value = pathTable[key]?.string, value.hasPrefix("/") else {
                    throw fileError(fileURL, line: pathTable.line(of: key), "paths.\(key) must be a string starting with /")
                }
                if !configuration.paths.set(key, to: value) {
                    throw fileError(fileURL, line: pathTable.line(of: key),
                                    "unknown path name \(key) (known: \(EndpointPaths.overridableNames.joined(separator: ", ")))")
                }
            }
        }
        if let webhooks = table["webhook_secrets"] {
            guard case .table(let secrets) = webhooks else {
                throw fileError(fileURL, line: table.line(of: "webhook_secrets"), "webhook_secrets must be a table of public key = secret")
            }
            for key in secrets.keys {
                guard let value = secrets[key]?.string else {
                    throw fileError(fileURL, line: secrets.line(of: key), "webhook_secrets.\(key) must be a string")
                }
                let secret = value.hasPrefix("file:") ? try readSecretFile(String(value.dropFirst(5)), warnings: &warnings) : value
                if !value.hasPrefix("file:") {
                    warnIfReadableByOthers(fileURL, what: "the config file \(fileURL.path) holds a webhook secret", warnings: &warnings)
                }
                configuration.webhookSecrets[key] = Secret(secret)
            }
        }
    }

    private func readSecretFile(_ path: String, warnings: inout [String]) throws(ConfigurationError) -> String {
        let expanded = expand(path)
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ConfigurationError("cannot read the secret file \(expanded)")
        }
        warnIfReadableByOthers(URL(fileURLWithPath: expanded), what: "the secret file \(expanded)", warnings: &warnings)
        let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ConfigurationError("the secret file \(expanded) is empty") }
        return secret
    }

    private func warnIfReadableByOthers(_ url: URL, what: String, warnings: inout [String]) {
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

    private func string(_ table: TOMLTable, _ key: String, profile: String, fileURL: URL) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw fileError(fileURL, line: table.line(of: key), "profiles.\(profile).\(key) must be a string, not \(value.typeName)")
        }
        return text.isEmpty ? nil : text
    }

    private func number(_ table: TOMLTable, _ key: String, profile: String, fileURL: URL) throws(ConfigurationError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.number else {
            throw fileError(fileURL, line: table.line(of: key), "profiles.\(profile).\(key) must be a number, not \(value.typeName)")
        }
        return number
    }

    private func fileError(_ url: URL, line: Int?, _ message: String) -> ConfigurationError {
        ConfigurationError("\(url.path)\(line.map { ":\($0)" } ?? ""): \(message)")
    }

    func expand(_ path: String) -> String {
        if path == "~" { return home.path }
        if path.hasPrefix("~/") { return home.appendingPathComponent(String(path.dropFirst(2))).path }
        return path
    }
}
