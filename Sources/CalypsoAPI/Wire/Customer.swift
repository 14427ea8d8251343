import Foundation

/// Customer data (reference 7.1). There is no status beyond the blocked flag.
public struct Customer: Codable, Hashable, Sendable {
    public var id: String
    public var email: String?
    public var description: String?
    public var externalId: String?
    public var blocked: Bool

    public init(id: String, email: String? = nil, description: String? = nil, externalId: String? = nil, blocked: Bool = false) {
        self.id = id
        self.email = email
        self.description = description
        self.externalId = externalId
        self.blocked = blocked
    }

    enum CodingKeys: String, CodingKey { case id, email, description, externalId, blocked }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.requiredString(.id)
        email = try c.lenientString(.email)
        description = try c.lenientString(.description)
        externalId = try c.lenientString(.externalId)
        blocked = try c.lenientBool(.blocked) ?? false
    }
}

/// Payload of `customer/create`.
public struct CustomerCreateRequest: Codable, Hashable, Sendable {
    public var email: String?
    public var description: String?
    public var externalId: String?
    public init(email: String? = nil, description: String? = nil, externalId: String? = nil) {
        self.email = email
        self.description = description
        self.externalId = externalId
    }
}

/// Payload of `customer/update`. Whether omitted fields are kept or cleared is unknown, so callers
/// should send every current value (the CLI merges with the customer's known values).
public struct CustomerUpdateRequest: Codable, Hashable, Sendable {
    public var id: String
    public var email: String?
    public var description: String?
    public var externalId: String?
    public init(id: String, email: String? = nil, description: String? = nil, externalId: String? = nil) {
        self.id = id
        self.email = email
        self.description = description
        self.externalId = externalId
    }
}

/// Payload of `customer/block`, `customer/unblock` and `purse/get-all`.
public struct CustomerIdRequest: Codable, Hashable, Sendable {
    public var customerId: String
    public init(customerId: String) { self.customerId = customerId }
}
