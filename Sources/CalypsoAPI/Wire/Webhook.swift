import Foundation

/// A webhook delivery (reference 10.2). `createdDate` has no zone; the id is an integer.
public struct WebhookEnvelope: Codable, Hashable, Sendable {
    public var requestId: String?
    public var id: Int64
    public var createdDate: Date?
    public var level: String?
    public var service: String?
    public var eventType: WebhookEventType
    public var data: WebhookEventData

    public init(requestId: String?, id: Int64, createdDate: Date?, level: String?, service: String?,
                eventType: WebhookEventType, data: WebhookEventData) {
        self.requestId = requestId
        self.id = id
        self.createdDate = createdDate
        self.level = level
        self.service = service
        self.eventType = eventType
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case requestId, id, createdDate, level, service, eventType, data }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try c.lenientString(.requestId)
        guard let id = try c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: "event id is missing"))
        }
        self.id = id
        createdDate = try c.lenientDate(.createdDate)
        level = try c.lenientString(.level)
        service = try c.lenientString(.service)
        eventType = WebhookEventType(try c.lenientString(.eventType) ?? "")
        data = try c.decodeIfPresent(WebhookEventData.self, forKey: .data) ?? WebhookEventData()
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(requestId, forKey: .requestId)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(createdDate.map(CalypsoDate.formatWebhook), forKey: .createdDate)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(service, forKey: .service)
        try c.encode(eventType, forKey: .eventType)
        try c.encode(data, forKey: .data)
    }
}

/// The `data` of a customer-purse event (reference 10.4). Every field is optional; the blocked flag
/// is read from `customerBlocked` or `blocked`, as a boolean or a string.
public struct WebhookEventData: Codable, Hashable, Sendable {
    public var customerId: String?
    public var customerBlocked: Bool?
    public var purseId: String?
    public var address: String?
    public var currency: Currency?
    public var transactionId: String?
    public var amount: Amount?
    public var addressFrom: String?
    public var transactionHash: String?
    public var transactionState: TransactionState?
    public var complianceState: ComplianceState?
    public var translationToAccountCompleted: Bool?

    public init(customerId: String? = nil, customerBlocked: Bool? = nil, purseId: String? = nil, address: String? = nil,
                currency: Currency? = nil, transactionId: String? = nil, amount: Amount? = nil, addressFrom: String? = nil,
                transactionHash: String? = nil, transactionState: TransactionState? = nil,
                complianceState: ComplianceState? = nil, translationToAccountCompleted: Bool? = nil) {
        self.customerId = customerId
        self.customerBlocked = customerBlocked
        self.purseId = purseId
        self.address = address
        self.currency = currency
        self.transactionId = transactionId
        self.amount = amount
        self.addressFrom = addressFrom
        self.transactionHash = transactionHash
        self.transactionState = transactionState
        self.complianceState = complianceState
        self.translationToAccountCompleted = translationToAccountCompleted
    }

    enum CodingKeys: String, CodingKey {
        case customerId, customerBlocked, blocked, purseId, address, currency, transactionId, amount, addressFrom,
             transactionHash, transactionState, complianceState, translationToAccountCompleted
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customerId = try c.lenientString(.customerId)
        customerBlocked = try c.lenientBool(.customerBlocked) ?? c.lenientBool(.blocked)
        purseId = try c.lenientString(.purseId)
        address = try c.lenientString(.address)
        currency = try c.lenientString(.currency).map(Currency.init(rawValue:))
        transactionId = try c.lenientString(.transactionId)
        amount = try c.lenientAmount(.amount)
        addressFrom = try c.lenientString(.addressFrom)
        transactionHash = try c.lenientString(.transactionHash)
        transactionState = try c.lenientString(.transactionState).map { TransactionState($0) }
        complianceState = try c.lenientString(.complianceState).map { ComplianceState($0) }
        translationToAccountCompleted = try c.lenientBool(.translationToAccountCompleted)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(customerId, forKey: .customerId)
        try c.encodeIfPresent(customerBlocked, forKey: .customerBlocked)
        try c.encodeIfPresent(purseId, forKey: .purseId)
        try c.encodeIfPresent(address, forKey: .address)
        try c.encodeIfPresent(currency, forKey: .currency)
        try c.encodeIfPresent(transactionId, forKey: .transactionId)
        try c.encodeIfPresent(amount, forKey: .amount)
        try c.encodeIfPresent(addressFrom, forKey: .addressFrom)
        try c.encodeIfPresent(transactionHash, forKey: .transactionHash)
        try c.encodeIfPresent(transactionState, forKey: .transactionState)
        try c.encodeIfPresent(complianceState, forKey: .complianceState)
        try c.encodeIfPresent(translationToAccountCompleted, forKey: .translationToAccountCompleted)
    }
}

/// A webhook subscription (`WebhookChannelDTO`), as listed and created by the Webhook API.
public struct WebhookSubscription: Codable, Hashable, Sendable {
    public var requestId: String
    public var notificationEventTypes: [String]?
    public var notificationServiceTypes: [String]?
    public var url: String
    public var publicKey: String?
    public var secretKey: String?
    public var createdDate: Date?
    public var blockedByErrorCount: Bool?

    public init(requestId: String, notificationEventTypes: [String]?, notificationServiceTypes: [String]?, url: String,
                publicKey: String?, secretKey: String?, createdDate: Date?, blockedByErrorCount: Bool?) {
        self.requestId = requestId
        self.notificationEventTypes = notificationEventTypes
        self.notificationServiceTypes = notificationServiceTypes
        self.url = url
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.createdDate = createdDate
        self.blockedByErrorCount = blockedByErrorCount
    }

    enum CodingKeys: String, CodingKey {
        case requestId, notificationEventTypes, notificationServiceTypes, url, publicKey, secretKey, createdDate,
             blockedByErrorCount
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try c.requiredString(.requestId)
        notificationEventTypes = try? c.decodeIfPresent([String].self, forKey: .notificationEventTypes)
        notificationServiceTypes = try? c.decodeIfPresent([String].self, forKey: .notificationServiceTypes)
        url = try c.lenientString(.url) ?? ""
        publicKey = try c.lenientString(.publicKey)
        secretKey = try c.lenientString(.secretKey)
        createdDate = try c.lenientDate(.createdDate)
        blockedByErrorCount = try c.lenientBool(.blockedByErrorCount)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requestId, forKey: .requestId)
        try c.encodeIfPresent(notificationEventTypes, forKey: .notificationEventTypes)
        try c.encodeIfPresent(notificationServiceTypes, forKey: .notificationServiceTypes)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(publicKey, forKey: .publicKey)
        try c.encodeIfPresent(secretKey, forKey: .secretKey)
        try c.encodeIfPresent(createdDate.map(CalypsoDate.format), forKey: .createdDate)
        try c.encodeIfPresent(blockedByErrorCount, forKey: .blockedByErrorCount)
    }
}

public struct WebhookSubscriptionList: Codable, Hashable, Sendable {
    public var subscriptions: [WebhookSubscription]
    public init(subscriptions: [WebhookSubscription]) { self.subscriptions = subscriptions }
}

public struct WebhookSubscriptionCreateRequest: Codable, Hashable, Sendable {
    public var requestId: String
    public var notificationEventTypes: [String]?
    public var notificationServiceTypes: [String]?
    public var url: String
    public init(requestId: String, notificationEventTypes: [String]?, notificationServiceTypes: [String]?, url: String) {
        self.requestId = requestId
        self.notificationEventTypes = notificationEventTypes
        self.notificationServiceTypes = notificationServiceTypes
        self.url = url
    }
}

public struct WebhookSubscriptionDeleteRequest: Codable, Hashable, Sendable {
    public var requestId: String
    public init(requestId: String) { self.requestId = requestId }
}
