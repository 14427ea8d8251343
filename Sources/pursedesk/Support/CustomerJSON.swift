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
