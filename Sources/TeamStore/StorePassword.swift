import CalypsoAPI
import Foundation

/// Finds the team store's password the way PostgreSQL users expect: a file named in the profile
/// (`store_password_file`), `PGPASSWORD`, then `~/.pgpass` (or `PGPASSFILE`), matched by
/// host:port:database:user with `*` wildcards. None found is fine (trust or peer authentication).
public enum StorePassword {
    public static func resolve(for url: TeamStoreURL, passwordFile: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(TeamStoreError) -> Secret? {
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw .badURL("cannot read store_password_file \(passwordFile)")
            }
            return Secret(text.trimmingCharacters(in: .newlines))
        }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return Secret(password) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = environment["PGPASSFILE"] ?? home + "/.pgpass"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return passwordFileEntry(text, url: url).map(Secret.init)
    }

    /// The password of the first `host:port:database:user:password` line that matches.
    static func passwordFileEntry(_ text: String, url: TeamStoreURL) -> String? {
        let wanted = [url.passwordFileHost, String(url.port), url.database, url.user]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = splitEscaped(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits on unescaped colons; `\:` and `\\` stand for themselves.
    private static func splitEscaped(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaping = false
        for character in line {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
