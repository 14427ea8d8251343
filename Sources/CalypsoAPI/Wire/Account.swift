import Foundation

/// Response of `user/current`: the caller and the accounts its key may act on.
public struct CurrentUser: Codable, Hashable, Sendable {
    public struct AvailableAccount: Codable, Hashable, Sendable {
        public var account: String
        public var name: String?
        public init(account: String, name: String?) {
            self.account = account
            self.name = name
        }
        enum CodingKeys: String, CodingKey { case account, name }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            account = try c.requiredString(.account)
            name = try c.lenientString(.name)
        }
    }

    public var id: String?
    public var email: String?
    public var name: String?
    public var availableAccounts: [AvailableAccount]

    public init(id: String?, email: String?, name: String?, availableAccounts: [AvailableAccount]) {
        self.id = id
        self.email = email
        self.name = name
        self.availableAccounts = availableAccounts
    }

    enum CodingKeys: String, CodingKey { case id, email, name, availableAccounts }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.lenientString(.id)
        email = try c.lenientString(.email)
        name = try c.lenientString(.name)
        availableAccounts = try c.decodeIfPresent([AvailableAccount].self, forKey: .availableAccounts) ?? []
    }
}

/// One entry of `exchange/pairs` → `currencyPairs`: how a currency maps to its blockchain.
public struct CurrencyPair: Codable, Hashable, Sendable {
    public struct NetworkData: Codable, Hashable, Sendable {
        public var frontName: String?
        public var type: String?
        public init(frontName: String?, type: String?) {
            self.frontName = frontName
            self.type = type
        }
    }

    public var name: String?
    public var blockchainName: String?
    public var networkData: NetworkData?
    public var feeCurrencyName: String?
    public var contract: String?
    public var crypto: Bool?
    public var enabled: Bool?
    public var active: Bool?

    public init(name: String?, blockchainName: String?, networkData: NetworkData? = nil, feeCurrencyName: String? = nil,
                contract: String? = nil, crypto: Bool? = true, enabled: Bool? = true, active: Bool? = true) {
        self.name = name
        self.blockchainName = blockchainName
        self.networkData = networkData
        self.feeCurrencyName = feeCurrencyName
        self.contract = contract
        self.crypto = crypto
        self.enabled = enabled
        self.active = active
    }

    enum CodingKeys: String, CodingKey { case name, blockchainName, networkData, feeCurrencyName, contract, crypto, enabled, active }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.lenientString(.name)
        blockchainName = try c.lenientString(.blockchainName)
        networkData = try? c.decodeIfPresent(NetworkData.self, forKey: .networkData)
        feeCurrencyName = try c.lenientString(.feeCurrencyName)
        contract = try c.lenientString(.contract)
        crypto = try c.lenientBool(.crypto)
        enabled = try c.lenientBool(.enabled)
        active = try c.lenientBool(.active)
    }
}

public struct ExchangePairs: Codable, Hashable, Sendable {
    public var currencyPairs: [String: CurrencyPair]
    public init(currencyPairs: [String: CurrencyPair]) { self.currencyPairs = currencyPairs }

    enum CodingKeys: String, CodingKey { case currencyPairs }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        currencyPairs = [:]
        guard c.contains(.currencyPairs) else { return }
        let pairs = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .currencyPairs)
        for key in pairs.allKeys {
            // One odd entry must not hide every other currency.
            if let pair = try? pairs.decode(CurrencyPair.self, forKey: key) { currencyPairs[key.stringValue] = pair }
        }
    }

    /// Currencies that can be used now, with their blockchain, sorted by code.
    public var usableCurrencies: [(currency: Currency, blockchain: String?)] {
        currencyPairs
            .filter { $0.value.enabled != false && $0.value.active != false && $0.value.crypto != false }
            .map { (Currency(rawValue: $0.key), $0.value.blockchainName) }
            .sorted { $0.0 < $1.0 }
    }
}
