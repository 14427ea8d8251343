/// A dangerous action waiting for the operator's `y`.
public enum PendingAction: Hashable, Sendable {
    case block([String])
    case unblock([String])

    public var customerIds: [String] {
        switch self {
        case .block(let ids), .unblock(let ids): ids
        }
    }

    public var verb: String {
        switch self {
        case .block: "Block"
        case .unblock: "Unblock"
        }
    }

    /// How many customers a bulk dialog names before "and N more".
    static let namedInDialog = 3

    /// What the dialog asks: one customer described, or the count and the first few by `name`.
    public func question(describing describe: (String) -> String, naming name: (String) -> String) -> String {
        let ids = customerIds
        let who: String
        if ids.count == 1 {
            who = "customer \(describe(ids[0]))"
        } else {
            let named = ids.prefix(Self.namedInDialog).map(name).joined(separator: ", ")
            let more = ids.count - Self.namedInDialog
            who = "\(ids.count) marked customers (\(named)\(more > 0 ? " and \(more) more" : ""))"
        }
        switch self {
        case .block: return "Block \(who)? Their addresses keep receiving funds; new deposits raise alerts."
        case .unblock: return "Unblock \(who)?"
        }
    }

    /// The command that carries it out, with the reason given (if any).
    func command(reason: String?) -> AppCommand {
        switch self {
        case .block(let ids): .block(ids, reason: reason)
        case .unblock(let ids): .unblock(ids, reason: reason)
        }
    }
}
