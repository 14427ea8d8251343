/// `transactionState` (reference 8.1).
public enum TransactionState: OpenEnum {
    case memPoolFound, pendingComplianceCheck, declined, confirmed
    case unknown(String)

    public static let known: [TransactionState] = [.memPoolFound, .pendingComplianceCheck, .declined, .confirmed]
    /// `COMPLETED` appears in one old example where the current docs say `CONFIRMED`.
    public static let aliases: [String: TransactionState] = ["COMPLETED": .confirmed]

    public var rawValue: String {
        switch self {
        case .memPoolFound: "MEM_POOL_FOUND"
        case .pendingComplianceCheck: "PENDING_COMPLIANCE_CHECK"
        case .declined: "DECLINED"
        case .confirmed: "CONFIRMED"
        case .unknown(let raw): raw
        }
    }

    public var isTerminal: Bool { self == .declined || self == .confirmed }

    /// Position in the documented lifecycle, so that a late, older report never overwrites a newer one.
    public var progress: Int {
        switch self {
        case .memPoolFound: 1
        case .pendingComplianceCheck: 2
        case .declined, .confirmed: 3
        case .unknown: 0
        }
    }
}

/// `complianceState` (reference 8.2). `DECLINE` is the documented spelling.
public enum ComplianceState: OpenEnum {
    case unchecked, inProgress, decline, checked
    case unknown(String)

    public static let known: [ComplianceState] = [.unchecked, .inProgress, .decline, .checked]
    public static let aliases: [String: ComplianceState] = ["DECLINED": .decline]

    public var rawValue: String {
        switch self {
        case .unchecked: "UNCHECKED"
        case .inProgress: "IN_PROGRESS"
        case .decline: "DECLINE"
        case .checked: "CHECKED"
        case .unknown(let raw): raw
        }
    }
}

/// Purse status (reference 8.3). Both spellings of archived decode to `.archived`.
public enum PurseStatus: OpenEnum {
    case pendingPayment, archived, declined
    case unknown(String)

    public static let known: [PurseStatus] = [.pendingPayment, .archived, .declined]
    public static let aliases: [String: PurseStatus] = ["ARCHIEVED": .archived]

    public var rawValue: String {
        switch self {
        case .pendingPayment: "PENDING_PAYMENT"
        case .archived: "ARCHIVED"
        case .declined: "DECLINED"
        case .unknown(let raw): raw
        }
    }

    public var isActive: Bool { self == .pendingPayment }
}

/// Webhook `eventType` for customer purses (reference 10.3), with the old guide's misspellings.
public enum WebhookEventType: OpenEnum {
    case purseExpired, memPoolFound, pendingCompliance, complianceDeclined, fundsReceived, translationCompleted
    case unknown(String)

    public static let known: [WebhookEventType] = [
        .purseExpired, .memPoolFound, .pendingCompliance, .complianceDeclined, .fundsReceived, .translationCompleted,
    ]
    public static let aliases: [String: WebhookEventType] = [
        "CUSTOMER_PURSE_MEMPOOL_FOUND": .memPoolFound,
        "CUSTOMER_PURSE_PENDING_COMLIANCE": .pendingCompliance,
        "CUSTOMER_PURSE_COMLIANCE_DECLINED": .complianceDeclined,
    ]

    public var rawValue: String {
        switch self {
        case .purseExpired: "CUSTOMER_PURSE_EXPIRED"
        case .memPoolFound: "CUSTOMER_PURSE_MEM_POOL_FOUND"
        case .pendingCompliance: "CUSTOMER_PURSE_PENDING_COMPLIANCE"
        case .complianceDeclined: "CUSTOMER_PURSE_COMPLIANCE_DECLINED"
        case .fundsReceived: "CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE"
        case .translationCompleted: "CUSTOMER_PURSE_TRANSLATION_TO_ACCOUNT_COMPLETED"
        case .unknown(let raw): raw
        }
    }
}

/// A currency code such as `ETH` or `USDT_BSC`: open, never a closed enum.
public struct Currency: RawRepresentable, Codable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    public init(_ code: String) { self.init(rawValue: code) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }
}
