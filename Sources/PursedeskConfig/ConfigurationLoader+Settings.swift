import CalypsoAPI
import Foundation

/// The profile's settings beside credentials: refresh and request limits, endpoint paths, webhook
/// secrets, the store, the operator, exports, logging, bell, links and explorer templates.
extension ConfigurationLoader {
    func applySettings(from section: TOMLSection, to configuration: inout Configuration, fileURL: URL,
                               warnings: inout [String]) throws {
        if let value = try section.number("refresh_interval") {
            configuration.refreshInterval = max(1, value)
            if value < 1 { warnings.append("\(section.keyPath("refresh_interval")) \(value) s is below the floor; using 1 s") }
        }
        if let value = try section.number("request_budget") {
            guard value > 0 else { throw section.problem("request_budget", "must be above 0, found \(value)") }
            configuration.requestBudget = value
        }
        if let value = try section.number("request_timeout") {
            configuration.requestTimeout = max(1, value)
        }
        configuration.theme = try section.string("theme")
        configuration.webhookListen = try section.string("webhook_listen")
        if let paths = try section.section("paths", expected: "a table of endpoint name = \"/path\"") {
            for key in paths.keys {
                guard let value = try paths.string(key), value.hasPrefix("/") else {
                    throw paths.mismatch(key, expected: "a path starting with /")
                }
                if !configuration.paths.set(key, to: value) {
                    let hint = NearestName.closest(to: key, among: EndpointPaths.overridableNames).map { "did you mean `\($0)`? " } ?? ""
                    throw paths.problem(key, "unknown endpoint name; \(hint)(known: \(EndpointPaths.overridableNames.joined(separator: ", ")))")
                }
            }
        }
        if let secrets = try section.section("webhook_secrets", expected: "a table of public key = secret") {
            for key in secrets.keys {
                guard let value = try secrets.string(key, secret: true) else { throw secrets.mismatch(key, expected: "a secret", secret: true) }
                let secret = value.hasPrefix("file:") ? try readSecretFile(String(value.dropFirst(5)), warnings: &warnings) : value
                if !value.hasPrefix("file:") {
                    warnIfReadableByOthers(fileURL, what: "the config file \(fileURL.path) holds a webhook secret", warnings: &warnings)
                }
                configuration.webhookSecrets[key] = Secret(secret)
            }
        }
        if let store = try section.string("store", secret: true) {
            try setStore(store, origin: section.keyPath("store"), on: &configuration)
        }
        if let path = try section.string("store_password_file") {
            configuration.storePassword = Secret(try readSecretFile(path, warnings: &warnings))
        }
        configuration.operatorName = try section.string("operator")
        configuration.exportDirectory = try section.string("export_dir").map { URL(fileURLWithPath: expand($0), isDirectory: true) }
        if let level = try section.string("log_level") {
            guard let parsed = LogLevel(rawValue: level.lowercased()) else {
                throw section.mismatch("log_level", expected: "one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.logLevel = parsed
        }
        if let bell = try section.boolean("bell") { configuration.bell = bell }
        if let links = try section.boolean("links") { configuration.links = links }
        if let explorers = try section.section("explorers", expected: "a table of chain = { tx = \"…{hash}…\", address = \"…{address}…\" }") {
            for chain in explorers.keys {
                guard let entry = try explorers.section(chain, expected: "a table with tx and address templates") else { continue }
                warnings += entry.unknownKeyWarnings(known: Self.explorerKeys)
                let templates = ExplorerTemplates(
                    transaction: try explorerTemplate(entry, "tx", placeholder: ExplorerTemplates.hashPlaceholder),
                    address: try explorerTemplate(entry, "address", placeholder: ExplorerTemplates.addressPlaceholder))
                configuration.explorers[chain] = templates
            }
        }
    }

    func explorerTemplate(_ section: TOMLSection, _ key: String, placeholder: String) throws -> String? {
        guard let template = try section.string(key) else { return nil }
        let sample = template.replacingOccurrences(of: placeholder, with: "x")
        guard template.contains(placeholder), let url = URL(string: sample),
              ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw section.mismatch(key, expected: "an http(s) URL holding \(placeholder)")
        }
        return template
    }

    func applyEnvironmentSettings(to configuration: inout Configuration) throws {
        if let store = environment["PURSEDESK_STORE"], !store.isEmpty {
            try setStore(store, origin: "PURSEDESK_STORE", on: &configuration)
        }
        if let name = environment["PURSEDESK_OPERATOR"], !name.isEmpty { configuration.operatorName = name }
    }

    /// Keeps a password written into the URL out of `store` (it goes to `storePassword`), so the URL
    /// can be shown.
    func setStore(_ text: String, origin: String, on configuration: inout Configuration) throws {
        guard var components = URLComponents(string: text), let scheme = components.scheme, !scheme.isEmpty,
              components.host?.isEmpty == false || !components.path.isEmpty else {
            throw ConfigurationError("\(origin): expected a URL such as postgres://user@host/db or sqlite:///path/desk.sqlite")
        }
        if let password = components.password {
            configuration.storePassword = Secret(password.removingPercentEncoding ?? password)
            components.password = nil
        }
        guard let url = components.url else { throw ConfigurationError("\(origin): not a URL") }
        configuration.store = url
    }
}
