import TerminalUI

/// Which action each key triggers, after the config's `[keys]` overrides and read-only mode.
public struct KeyMap: Hashable, Sendable {
    public private(set) var actions: [Key: KeyAction]
    public private(set) var keys: [KeyAction: [Key]]

    /// Every view's defaults, minus the dangerous actions when `readOnly`.
    public init(readOnly: Bool = false) {
        self.init(ViewRegistry.allActions, readOnly: readOnly)
    }

    /// The defaults of `known`, minus the dangerous actions when `readOnly`.
    init(_ known: [KeyAction], readOnly: Bool) {
        keys = [:]
        actions = [:]
        for action in known where !(readOnly && action.isDangerous) {
            keys[action] = action.defaultKeys
            for key in action.defaultKeys { actions[key] = action }
        }
    }

    /// The defaults with `overrides` (action name → key name) applied. An override naming an
    /// unknown action or key, or a key another action already uses, is refused with a message and
    /// that action keeps its default key.
    public static func make(overrides: [String: String], readOnly: Bool) -> (map: KeyMap, problems: [String]) {
        make(overrides: overrides, readOnly: readOnly, known: ViewRegistry.allActions)
    }

    static func make(overrides: [String: String], readOnly: Bool, known: [KeyAction]) -> (map: KeyMap, problems: [String]) {
        var map = KeyMap(known, readOnly: readOnly)
        var problems: [String] = []
        let byName = Dictionary(known.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in overrides.keys.sorted() {
            let keyName = overrides[name] ?? ""
            guard let action = byName[name] else {
                problems.append("keys.\(name): no such action (known: \(known.map(\.name).joined(separator: ", ")))")
                continue
            }
            guard let key = Key(name: keyName) else {
                problems.append("keys.\(name) = \"\(keyName)\": not a key name (e.g. \"B\", \"ctrl-b\", \"f5\", \"space\")")
                continue
            }
            guard map.keys[action] != nil else { continue }
            if let other = map.actions[key], other != action {
                problems.append("keys.\(name) = \"\(keyName)\" clashes with \(other.name); keeping \"\(action.defaultKeys[0].name)\"")
                continue
            }
            map.rebind(action, to: key)
        }
        return (map, problems)
    }

    public func action(for key: Key) -> KeyAction? { actions[key] }

    /// The key names of an action, e.g. "j/down"; nil when the action is not available.
    public func label(for action: KeyAction) -> String? {
        guard let keys = keys[action], !keys.isEmpty else { return nil }
        return keys.map(\.name).joined(separator: "/")
    }

    /// The first key of an action, for the status bar.
    public func primary(_ action: KeyAction) -> String? { keys[action]?.first?.name }

    private mutating func rebind(_ action: KeyAction, to key: Key) {
        var current = keys[action] ?? []
        if let old = current.first { actions[old] = nil }
        if current.isEmpty { current = [key] } else { current[0] = key }
        keys[action] = current
        actions[key] = action
    }
}
