/// One screen of the view stack.
public enum ViewID: Hashable, Sendable {
    case customers
    /// The customers table limited to blocked customers.
    case blocked
    case customerDetail(String)
    case feed
    case alerts
    case audit
    case transaction(String)

    /// The name shown in the title and used by `:` commands.
    public var name: String {
        switch self {
        case .customers: "customers"
        case .blocked: "blocked"
        case .customerDetail: "customer"
        case .feed: "feed"
        case .alerts: "alerts"
        case .audit: "audit"
        case .transaction: "transaction"
        }
    }

    /// Whether it shows the customers table.
    public var isCustomerList: Bool { self == .customers || self == .blocked }
}
