import CalypsoAPI
import Foundation

/// The sandbox's truth: customers, purses and deposits, changed only through this actor.
actor SandboxWorld {
    let clock: any SandboxClock
    let traffic: TrafficSettings
    let currencies: [Currency: SandboxCurrency]
    let currencyOrder: [SandboxCurrency]
    var random: SplitMix64
    let events: AsyncStream<SandboxEvent>.Continuation

    var customers: [String: CustomerRecord] = [:]
    var customerOrder: [String] = []
    var blockedCustomerIds: Set<String> = []
    var purses: [String: PurseRecord] = [:]
    var retiredAddresses: Set<String> = []
    /// No purse expires before this; nil when there is nothing to expire.
    var earliestExpiry: Date?
    /// Sorted by creation date (then insertion), so date order is position order.
    var deposits: [DepositRecord] = []
    var positionById: [String: Int] = [:]
    var unfinishedPositions: Set<Int> = []
    var seededCustomerCount = 0
    /// 0 for the first account; the others' seeded customers say which account they belong to.
    let accountIndex: Int

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    init(configuration: SandboxConfiguration, clock: any SandboxClock, events: AsyncStream<SandboxEvent>.Continuation,
         accountIndex: Int = 0) {
        self.accountIndex = accountIndex
        self.clock = clock
        self.traffic = configuration.traffic
        self.currencyOrder = configuration.currencies
        self.currencies = Dictionary(configuration.currencies.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.random = SplitMix64(seed: configuration.seed)
        self.events = events
    }

    // MARK: Customers

    func createCustomer(_ request: CustomerCreateRequest) -> Customer {
        let customer = Customer(id: IdentifierMaker.uuid(&random), email: request.email, description: request.description,
                                externalId: request.externalId, blocked: false)
        add(customer)
        return customer
    }

    func add(_ customer: Customer) {
        customers[customer.id] = CustomerRecord(customer: customer)
        customerOrder.append(customer.id)
        if customer.blocked { blockedCustomerIds.insert(customer.id) }
    }

    /// Fields left out of the request keep their values.
    func updateCustomer(_ request: CustomerUpdateRequest) throws(SandboxAPIError) -> Customer {
        var record = try customerRecord(request.id)
        if let email = request.email { record.customer.email = email }
        if let description = request.description { record.customer.description = description }
        if let externalId = request.externalId { record.customer.externalId = externalId }
        customers[request.id] = record
        return record.customer
    }

    /// Idempotent: blocking a blocked customer answers the customer unchanged.
    func setBlocked(customerId: String, _ blocked: Bool) throws(SandboxAPIError) -> Customer {
        var record = try customerRecord(customerId)
        record.customer.blocked = blocked
        customers[customerId] = record
        if blocked { blockedCustomerIds.insert(customerId) } else { blockedCustomerIds.remove(customerId) }
        return record.customer
    }

    func customerRecord(_ id: String) throws(SandboxAPIError) -> CustomerRecord {
        guard !id.isEmpty else { throw .badRequest("customerId is required") }
        guard let record = customers[id] else { throw .notFound("Customer \(id) is not found") }
        return record
    }

    func sandboxCurrency(_ code: Currency) throws(SandboxAPIError) -> SandboxCurrency {
        guard let currency = currencies[code] else { throw .badRequest("Currency \(code.rawValue) is not supported") }
        return currency
    }

    func currencyCodes(on blockchain: String) -> [Currency] {
        currencyOrder.filter { $0.blockchain == blockchain }.map(\.code)
    }
}
