/// A table of a `TOMLDocument` read with its key path, so every message names the key it is about:
/// `profiles.prod.refresh_interval: expected a number, found "2s"`.
public struct TOMLSection: Sendable {
    public let document: TOMLDocument
    public let path: [String]
    public let values: [String: TOMLNode]

    /// Keys in sorted order (TOML tables are unordered).
    public var keys: [String] { values.keys.sorted() }
    public subscript(key: String) -> TOMLNode? { values[key] }

    public func keyPath(_ key: String) -> String { (path + [key]).joined(separator: ".") }

    /// A problem with `key` (nil: with this section itself), placed at its line.
    public func problem(_ key: String?, _ message: String) -> TOMLProblem {
        let fullPath = key.map { path + [$0] } ?? path
        return TOMLProblem(source: document.source, line: document.line(of: fullPath),
                           keyPath: fullPath.isEmpty ? nil : fullPath.joined(separator: "."), message: message)
    }

    /// "expected `expectation`, found …" — a secret's value is never shown, only its type.
    public func mismatch(_ key: String, expected expectation: String, secret: Bool = false) -> TOMLProblem {
        let found = values[key].map { secret ? $0.typeName : $0.shownInMessage } ?? "nothing"
        return problem(key, "expected \(expectation), found \(found)")
    }

    /// A string value; an empty string counts as absent.
    public func string(_ key: String, secret: Bool = false) throws(TOMLProblem) -> String? {
        guard let value = values[key] else { return nil }
        guard let text = value.string else { throw mismatch(key, expected: "a string", secret: secret) }
        return text.isEmpty ? nil : text
    }

    public func number(_ key: String) throws(TOMLProblem) -> Double? {
        guard let value = values[key] else { return nil }
        guard let number = value.number else { throw mismatch(key, expected: "a number") }
        return number
    }

    public func boolean(_ key: String) throws(TOMLProblem) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value.boolean else { throw mismatch(key, expected: "true or false") }
        return flag
    }

    public func section(_ key: String, expected: String = "a table") throws(TOMLProblem) -> TOMLSection? {
        guard let value = values[key] else { return nil }
        guard let table = value.table else { throw mismatch(key, expected: expected) }
        return TOMLSection(document: document, path: path + [key], values: table)
    }

    /// One warning per key not in `known`, naming the nearest known key when one is close.
    public func unknownKeyWarnings(known: [String]) -> [String] {
        keys.filter { !known.contains($0) }.map { key in
            let position = problem(key, "")
            let place = position.source + (position.line.map { ":\($0)" } ?? "")
            let hint = NearestName.closest(to: key, among: known).map { "; did you mean `\($0)`?" } ?? ""
            return "warning: \(place): unknown key \(keyPath(key)) is ignored\(hint)"
        }
    }
}
