import CalypsoAPI
import DeskModel
import Foundation

/// A customer as the CLI prints it in JSON: the API's field names, `blocked` null when unknown.
struct CustomerJSON: Encodable {
    var id: String
    var email: String?
    var description: String?
    var externalId: String?
    var blocked: Bool?

    init(_ customer: CustomerSummary) {
        id = customer.id
        email = customer.email
        description = customer.description
        externalId = customer.externalId
        blocked = customer.blockState.knownValue
    }

    enum CodingKeys: String, CodingKey { case id, email, description, externalId, blocked }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(email, forKey: .email)
        try container.encode(description, forKey: .description)
        try container.encode(externalId, forKey: .externalId)
        try container.encode(blocked, forKey: .blocked)
    }
}

/// A transaction as the API sent it, plus `customer` (id, email, blocked) from the registry.
struct TransactionJSON: Encodable {
    var transaction: Transaction
    var customer: CustomerSummary?

    enum CodingKeys: String, CodingKey { case customer }

    func encode(to encoder: Encoder) throws {
        try transaction.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customer.map(CustomerJSON.init), forKey: .customer)
    }
}

/// The purse as the API sent it, plus `addressIs`: `new` or `existing`.
struct IssuedAddressJSON: Encodable {
    var issued: IssuedAddress
    init(_ issued: IssuedAddress) { self.issued = issued }

    enum CodingKeys: String, CodingKey { case addressIs }

    func encode(to encoder: Encoder) throws {
        try issued.purse.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(issued.freshness.rawValue, forKey: .addressIs)
    }
}
