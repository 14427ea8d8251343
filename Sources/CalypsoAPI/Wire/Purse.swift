import Foundation

/// A deposit address (purse). Only `id` and `address` are documented; everything else is optional
/// and read when a server sends it.
public struct Purse: Codable, Hashable, Sendable {
    public var id: String?
    public var address: String?
    public var currency: Currency?
    public var currencies: [Currency]?
    public var blockchain: String?
    public var status: PurseStatus?
    public var createdDate: Date?
    public var expiryDate: Date?
    public var lastDepositDate: Date?

    public init(id: String?, address: String?, currency: Currency? = nil, currencies: [Currency]? = nil,
                blockchain: String? = nil, status: PurseStatus? = nil, createdDate: Date? = nil,
                expiryDate: Date? = nil, lastDepositDate: Date? = nil) {
        self.id = id
        self.address = address
        self.currency = currency
        self.currencies = currencies
        self.blockchain = blockchain
        self.status = status
        self.createdDate = createdDate
        self.expiryDate = expiryDate
        self.lastDepositDate = lastDepositDate
    }

    enum CodingKeys: String, CodingKey {
        case id, purseId, address, currency, currencies, blockchain, blockchainName, status, createdDate, expiryDate,
             lastDepositDate
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.lenientString(.id) ?? c.lenientString(.purseId)
        address = try c.lenientString(.address)
        currency = try c.lenientString(.currency).map(Currency.init(rawValue:))
        currencies = try? c.decodeIfPresent([Currency].self, forKey: .currencies)
        blockchain = try c.lenientString(.blockchain) ?? c.lenientString(.blockchainName)
        status = try c.lenientString(.status).map { PurseStatus($0) }
        createdDate = try c.lenientDate(.createdDate)
        expiryDate = try c.lenientDate(.expiryDate)
        lastDepositDate = try c.lenientDate(.lastDepositDate)
        if id == nil, address == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "a purse has neither id nor address"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(address, forKey: .address)
        try c.encodeIfPresent(currency, forKey: .currency)
        try c.encodeIfPresent(currencies, forKey: .currencies)
        try c.encodeIfPresent(blockchain, forKey: .blockchain)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(createdDate.map(CalypsoDate.format), forKey: .createdDate)
        try c.encodeIfPresent(expiryDate.map(CalypsoDate.format), forKey: .expiryDate)
        try c.encodeIfPresent(lastDepositDate.map(CalypsoDate.format), forKey: .lastDepositDate)
    }
}

/// `purse/get-all` answers either a bare array or an object that wraps one; both decode here.
public struct PurseList: Decodable, Sendable {
    public var purses: [Purse]

    public init(purses: [Purse]) { self.purses = purses }

    static let wrapperKeys = ["purses", "result", "items", "content", "data", "list"]

    public init(from decoder: Decoder) throws {
        if let array = try? decoder.singleValueContainer().decode([Purse].self) {
            purses = array
            return
        }
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        for name in Self.wrapperKeys {
            let key = AnyCodingKey(stringValue: name)
            if c.contains(key) {
                purses = try c.decode([Purse].self, forKey: key)
                return
            }
        }
        for key in c.allKeys {
            if let array = try? c.decode([Purse].self, forKey: key) {
                purses = array
                return
            }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no list of purses in the response"))
    }
}

/// Payload of `address/get`.
public struct AddressRequest: Codable, Hashable, Sendable {
    public var customerId: String
    public var currency: Currency
    public init(customerId: String, currency: Currency) {
        self.customerId = customerId
        self.currency = currency
    }
}
