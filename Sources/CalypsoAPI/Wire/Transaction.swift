import Foundation

/// `PGTransactionDTO` (reference 6.6).
public struct Transaction: Codable, Hashable, Sendable {
    public var id: String
    public var amount: Amount
    public var addressFrom: String?
    public var currency: Currency
    public var transactionHash: String?
    public var transactionState: TransactionState
    public var complianceState: ComplianceState
    public var translationToAccountCompleted: Bool
    public var createdDate: Date?
    /// Undocumented; read when a server sends them.
    public var customerId: String?
    public var purseId: String?
    public var address: String?

    public init(id: String, amount: Amount, addressFrom: String?, currency: Currency, transactionHash: String?,
                transactionState: TransactionState, complianceState: ComplianceState,
                translationToAccountCompleted: Bool, createdDate: Date?, customerId: String? = nil,
                purseId: String? = nil, address: String? = nil) {
        self.id = id
        self.amount = amount
        self.addressFrom = addressFrom
        self.currency = currency
        self.transactionHash = transactionHash
        self.transactionState = transactionState
        self.complianceState = complianceState
        self.translationToAccountCompleted = translationToAccountCompleted
        self.createdDate = createdDate
        self.customerId = customerId
        self.purseId = purseId
        self.address = address
    }

    enum CodingKeys: String, CodingKey {
        case id, amount, addressFrom, currency, transactionHash, transactionState, complianceState,
             translationToAccountCompleted, createdDate, customerId, purseId, address
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredString(.id)
        guard let amount = try c.lenientAmount(.amount) else {
            throw DecodingError.keyNotFound(CodingKeys.amount, .init(codingPath: c.codingPath, debugDescription: "amount is missing"))
        }
        self.amount = amount
        addressFrom = try c.lenientString(.addressFrom)
        currency = Currency(rawValue: try c.requiredString(.currency))
        transactionHash = try c.lenientString(.transactionHash)
        transactionState = TransactionState(try c.requiredString(.transactionState))
        complianceState = try c.lenientString(.complianceState).map { ComplianceState($0) } ?? .unknown("")
        translationToAccountCompleted = try c.lenientBool(.translationToAccountCompleted) ?? false
        createdDate = try c.lenientDate(.createdDate)
        customerId = try c.lenientString(.customerId)
        purseId = try c.lenientString(.purseId)
        address = try c.lenientString(.address)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(amount, forKey: .amount)
        try c.encodeIfPresent(addressFrom, forKey: .addressFrom)
        try c.encode(currency, forKey: .currency)
        try c.encodeIfPresent(transactionHash, forKey: .transactionHash)
        try c.encode(transactionState, forKey: .transactionState)
        try c.encode(complianceState, forKey: .complianceState)
        try c.encode(translationToAccountCompleted, forKey: .translationToAccountCompleted)
        try c.encodeIfPresent(createdDate.map(CalypsoDate.format), forKey: .createdDate)
        try c.encodeIfPresent(customerId, forKey: .customerId)
        try c.encodeIfPresent(purseId, forKey: .purseId)
        try c.encodeIfPresent(address, forKey: .address)
    }
}

/// Payload of `transaction/get`.
public struct TransactionIdRequest: Codable, Hashable, Sendable {
    public var transactionId: String
    public init(transactionId: String) { self.transactionId = transactionId }
}

/// JHipster-style filter (reference 6.7): every member present narrows the result.
public struct StringFilter: Codable, Hashable, Sendable {
    public var equals: String?
    public var notEquals: String?
    public var specified: Bool?
    public var `in`: [String]?
    public var notIn: [String]?
    public var contains: String?
    public var doesNotContain: String?

    public init(equals: String? = nil, notEquals: String? = nil, specified: Bool? = nil, in values: [String]? = nil,
                notIn: [String]? = nil, contains: String? = nil, doesNotContain: String? = nil) {
        self.equals = equals
        self.notEquals = notEquals
        self.specified = specified
        self.in = values
        self.notIn = notIn
        self.contains = contains
        self.doesNotContain = doesNotContain
    }

    public func matches(_ value: String?) -> Bool {
        if let specified, specified != (value != nil) { return false }
        if let equals, value != equals { return false }
        if let notEquals, value == notEquals { return false }
        if let values = self.in, !values.contains(where: { $0 == value }) { return false }
        if let notIn, notIn.contains(where: { $0 == value }) { return false }
        if let contains, !(value?.localizedCaseInsensitiveContains(contains) ?? false) { return false }
        if let doesNotContain, value?.localizedCaseInsensitiveContains(doesNotContain) ?? false { return false }
        return true
    }
}

public enum SortDirection: String, Codable, Hashable, Sendable, CaseIterable {
    case asc = "ASC"
    case desc = "DESC"
}

/// Payload of `transaction/find`.
public struct TransactionFindRequest: Codable, Hashable, Sendable {
    public var customerId: String?
    public var currencyFilter: StringFilter?
    public var transactionStateFilter: StringFilter?
    public var pageNumber: Int?
    public var pageSize: Int?
    public var sort: SortDirection?
    public var properties: String?

    public init(customerId: String? = nil, currencyFilter: StringFilter? = nil, transactionStateFilter: StringFilter? = nil,
                pageNumber: Int? = nil, pageSize: Int? = nil, sort: SortDirection? = nil, properties: String? = nil) {
        self.customerId = customerId
        self.currencyFilter = currencyFilter
        self.transactionStateFilter = transactionStateFilter
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.sort = sort
        self.properties = properties
    }
}

/// Response of `transaction/find`. `total` is documented as the number of pages.
public struct TransactionPage: Codable, Hashable, Sendable {
    public var result: [Transaction]
    public var page: Int
    public var size: Int
    public var total: Int
    public var totalElements: Int64

    public init(result: [Transaction], page: Int, size: Int, total: Int, totalElements: Int64) {
        self.result = result
        self.page = page
        self.size = size
        self.total = total
        self.totalElements = totalElements
    }

    enum CodingKeys: String, CodingKey { case result, page, size, total, totalElements }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        result = try c.decodeIfPresent([Transaction].self, forKey: .result) ?? []
        page = Int(try c.lenientInt(.page) ?? 0)
        size = Int(try c.lenientInt(.size) ?? Int64(result.count))
        total = Int(try c.lenientInt(.total) ?? 1)
        totalElements = try c.lenientInt(.totalElements) ?? Int64(result.count)
    }
}
