import CalypsoAPI

/// One short name for each purse status and deposit state, shared by the dashboard and the CLI.
/// The API's own name appears next to it in help and detail views (`label (API_NAME)`).
public enum Vocabulary {
    public struct Entry: Sendable, Hashable {
        public var label: String
        public var apiName: String
        public var meaning: String
    }

    public static let depositStates: [Entry] = TransactionState.known.map {
        Entry(label: $0.label, apiName: $0.rawValue, meaning: $0.meaning)
    }

    public static let purseStatuses: [Entry] = PurseStatus.known.map {
        Entry(label: $0.label, apiName: $0.rawValue, meaning: $0.meaning)
    }

    /// "MEMPOOL = MEM_POOL_FOUND, COMPLIANCE = PENDING_COMPLIANCE_CHECK, …" for help texts.
    public static func legend(_ entries: [Entry]) -> String {
        entries.map { $0.label == $0.apiName ? $0.label : "\($0.label) = \($0.apiName)" }.joined(separator: ", ")
    }
}

extension TransactionState {
    /// The short name shown everywhere; an unknown API value is shown as sent.
    public var label: String {
        switch self {
        case .memPoolFound: "MEMPOOL"
        case .pendingComplianceCheck: "COMPLIANCE"
        case .confirmed: "CONFIRMED"
        case .declined: "DECLINED"
        case .unknown(let raw): raw.isEmpty ? "?" : raw
        }
    }

    /// `label (API_NAME)` where they differ, for detail views.
    public var labelWithAPIName: String { label == rawValue || !isKnown ? label : "\(label) (\(rawValue))" }

    public var meaning: String {
        switch self {
        case .memPoolFound: "seen on the chain, not yet checked"
        case .pendingComplianceCheck: "compliance check running"
        case .confirmed: "accepted; credited once the transfer to the account completes"
        case .declined: "refused by compliance; the address is now declined"
        case .unknown: "a state the API documentation does not name"
        }
    }

    /// Reads a short label or an API name, any case (`mempool`, `MEM_POOL_FOUND`).
    public init?(labelOrAPIName text: String) {
        let upper = text.uppercased()
        guard let state = Self.known.first(where: { $0.label == upper || $0.rawValue == upper }) ?? Self.aliases[upper] else { return nil }
        self = state
    }
}

extension PurseStatus {
    public var label: String {
        switch self {
        case .pendingPayment: "ACTIVE"
        case .archived: "ARCHIVED"
        case .declined: "DECLINED"
        case .unknown(let raw): raw.isEmpty ? "?" : raw
        }
    }

    public var labelWithAPIName: String { label == rawValue || !isKnown ? label : "\(label) (\(rawValue))" }

    public var meaning: String {
        switch self {
        case .pendingPayment: "accepts deposits"
        case .archived: "expired: 30 days without a deposit, or 12 months after the last one"
        case .declined: "a deposit failed compliance; the address takes no more deposits"
        case .unknown: "a status the API documentation does not name"
        }
    }
}
