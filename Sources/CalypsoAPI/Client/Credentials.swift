import Foundation

/// A secret that never prints: `description`, `debugDescription` and string interpolation all
/// show a redaction, so a secret cannot leak through a log line or an error message by accident.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let exposedValue: String
    public init(_ value: String) { exposedValue = value }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var isEmpty: Bool { exposedValue.isEmpty }
}

/// Where and as whom requests go.
public struct Credentials: Sendable {
    public var baseURL: URL
    public var account: String
    public var apiKey: String
    public var apiSecret: Secret

    public init(baseURL: URL, account: String, apiKey: String, apiSecret: Secret) {
        self.baseURL = baseURL
        self.account = account
        self.apiKey = apiKey
        self.apiSecret = apiSecret
    }

    public static let defaultBaseURL = URL(string: "https://api.calypso.finance")!
}

/// Paths of every operation. Those the reference marks as inferred can be overridden from the config.
public struct EndpointPaths: Sendable, Hashable, Codable {
    public var customerCreate = "/api/v1/customer-purse/customer/create"
    public var customerUpdate = "/api/v1/customer-purse/customer/update"
    public var customerBlock = "/api/v1/customer-purse/customer/block"
    public var customerUnblock = "/api/v1/customer-purse/customer/unblock"
    public var addressGet = "/api/v1/customer-purse/address/get"
    public var purseGetAll = "/api/v1/customer-purse/purse/get-all"
    public var transactionGet = "/api/v1/customer-purse/transaction/get"
    public var transactionFind = "/api/v1/customer-purse/transaction/find"
    public var userCurrent = "/api/v1/user/current"
    public var exchangePairs = "/api/v1/exchange/pairs"
    public var webhookList = "/api/v1/subscription/webhook"
    public var webhookCreate = "/api/v1/subscription/webhook/create"
    public var webhookDelete = "/api/v1/subscription/webhook"

    public init() {}

    /// Names accepted in the config's `[paths]` table.
    public static let overridableNames = [
        "customer_create", "customer_update", "customer_block", "customer_unblock", "address_get", "purse_get_all",
        "transaction_get", "transaction_find",
    ]

    /// Sets one path by its config name; false when the name is not one of `overridableNames`.
    public mutating func set(_ name: String, to path: String) -> Bool {
        switch name {
        case "customer_create": customerCreate = path
        case "customer_update": customerUpdate = path
        case "customer_block": customerBlock = path
        case "customer_unblock": customerUnblock = path
        case "address_get": addressGet = path
        case "purse_get_all": purseGetAll = path
        case "transaction_get": transactionGet = path
        case "transaction_find": transactionFind = path
        default: return false
        }
        return true
    }
}
