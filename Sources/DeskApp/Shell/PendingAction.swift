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

    /// What the dialog asks.
    public func question(describing describe: (String) -> String) -> String {
        let ids = customerIds
        let who = ids.count == 1 ? "customer \(describe(ids[0]))" : "\(ids.count) marked customers"
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
