import Foundation

/// The Calypso customer-purse API. Each call builds the envelope, serializes it once, signs those
/// exact bytes and sends them; answers are decoded tolerantly and failures come back typed.
public final class CalypsoClient: Sendable {
    public let credentials: Credentials
    public let options: ClientOptions
    private let transport: HTTPTransport
    /// Server minus local time, learned from an 011 answer's `Date` header.
    private let clockOffset = Locked<TimeInterval>(0)

    public init(credentials: Credentials, transport: HTTPTransport = AsyncHTTPTransport(), options: ClientOptions = ClientOptions()) {
        self.credentials = credentials
        self.transport = transport
        self.options = options
    }

    public var measuredClockOffset: TimeInterval { clockOffset.current }

    /// The same account over the same transport with changed options (e.g. no retries of its
    /// own for a caller that retries, and shows it, itself).
    public func with(_ change: (inout ClientOptions) -> Void) -> CalypsoClient {
        var changed = options
        change(&changed)
        return CalypsoClient(credentials: credentials, transport: transport, options: changed)
    }

    // MARK: Customers

    public func createCustomer(_ request: CustomerCreateRequest) async throws(CalypsoError) -> Customer {
        try await write(options.paths.customerCreate, payload: request)
    }

    public func updateCustomer(_ request: CustomerUpdateRequest) async throws(CalypsoError) -> Customer {
        guard !request.id.isEmpty else { throw .invalidRequest("a customer id is required") }
        return try await write(options.paths.customerUpdate, payload: request)
    }

    public func blockCustomer(id: String) async throws(CalypsoError) -> Customer {
        guard !id.isEmpty else { throw .invalidRequest("a customer id is required") }
        return try await write(options.paths.customerBlock, payload: CustomerIdRequest(customerId: id))
    }

    public func unblockCustomer(id: String) async throws(CalypsoError) -> Customer {
        guard !id.isEmpty else { throw .invalidRequest("a customer id is required") }
        return try await write(options.paths.customerUnblock, payload: CustomerIdRequest(customerId: id))
    }

    // MARK: Purses

    /// The customer's active deposit address for a currency. It may issue a new purse, so it is
    /// treated as a write and never retried blindly.
    public func depositAddress(customerId: String, currency: Currency) async throws(CalypsoError) -> Purse {
        guard !customerId.isEmpty, !currency.rawValue.isEmpty else { throw .invalidRequest("a customer id and a currency are required") }
        var purse: Purse = try await write(options.paths.addressGet, payload: AddressRequest(customerId: customerId, currency: currency))
        if purse.currency == nil { purse.currency = currency }
        return purse
    }

    public func purses(customerId: String) async throws(CalypsoError) -> [Purse] {
        guard !customerId.isEmpty else { throw .invalidRequest("a customer id is required") }
        let list: PurseList = try await read(options.paths.purseGetAll, payload: CustomerIdRequest(customerId: customerId))
        return list.purses
    }

    // MARK: Transactions

    public func transaction(id: String) async throws(CalypsoError) -> Transaction {
        guard !id.isEmpty else { throw .invalidRequest("a transaction id is required") }
        return try await read(options.paths.transactionGet, payload: TransactionIdRequest(transactionId: id))
    }

    public func findTransactions(_ request: TransactionFindRequest) async throws(CalypsoError) -> TransactionPage {
        if let page = request.pageNumber, page < 0 { throw .invalidRequest("page numbers start at 0") }
        if let size = request.pageSize, size < 1 { throw .invalidRequest("the page size must be at least 1") }
        return try await read(options.paths.transactionFind, payload: request)
    }

    // MARK: Account

    /// `user/current`: the credential check. Its body is `{timestamp}` only.
    public func currentUser() async throws(CalypsoError) -> CurrentUser {
        try await perform(method: "POST", path: options.paths.userCurrent, isRead: true) { timestamp in
            try RequestEnvelope.body(timestamp: timestamp)
        }
    }

    public func exchangePairs() async throws(CalypsoError) -> ExchangePairs {
        try await perform(method: "POST", path: options.paths.exchangePairs, isRead: true) { [account = credentials.account] timestamp in
            try RequestEnvelope.body(account: account, timestamp: timestamp)
        }
    }

    // MARK: Webhook subscriptions

    public func webhookSubscriptions() async throws(CalypsoError) -> [WebhookSubscription] {
        let list: WebhookSubscriptionList = try await perform(method: "POST", path: options.paths.webhookList, isRead: true) {
            [account = credentials.account] timestamp in try RequestEnvelope.body(account: account, timestamp: timestamp)
        }
        return list.subscriptions
    }

    public func createWebhookSubscription(_ request: WebhookSubscriptionCreateRequest) async throws(CalypsoError) -> WebhookSubscription {
        try await write(options.paths.webhookCreate, payload: request)
    }

    public func deleteWebhookSubscription(requestId: String) async throws(CalypsoError) {
        let _: NoContent = try await perform(method: "DELETE", path: options.paths.webhookDelete, isRead: false) {
            [account = credentials.account] timestamp in
            try RequestEnvelope.body(account: account, timestamp: timestamp, payload: WebhookSubscriptionDeleteRequest(requestId: requestId))
        }
    }

    // MARK: Plumbing

    private func read<Payload: Encodable & Sendable, Response: Decodable>(_ path: String, payload: Payload) async throws(CalypsoError) -> Response {
        try await perform(method: "POST", path: path, isRead: true) { [account = credentials.account] timestamp in
            try RequestEnvelope.body(account: account, timestamp: timestamp, payload: payload)
        }
    }

    private func write<Payload: Encodable & Sendable, Response: Decodable>(_ path: String, payload: Payload) async throws(CalypsoError) -> Response {
        try await perform(method: "POST", path: path, isRead: false) { [account = credentials.account] timestamp in
            try RequestEnvelope.body(account: account, timestamp: timestamp, payload: payload)
        }
    }

    private func perform<Response: Decodable>(
        method: String, path: String, isRead: Bool, body makeBody: (Int64) throws -> Data
    ) async throws(CalypsoError) -> Response {
        var attempt = 0
        var correctedClock = false
        while true {
            attempt += 1
            do {
                return try await once(method: method, path: path, attempt: attempt, body: makeBody)
            } catch {
                if case .timestampRejected(let offset?, _, _) = error, !correctedClock {
                    // Rejected before any processing, so sending again with the server's time is safe.
                    correctedClock = true
                    clockOffset.withLock { $0 = offset }
                    continue
                }
                guard isRead, error.isTransient, attempt <= options.readRetries else { throw error }
                try? await Task.sleep(for: backoff(attempt: attempt))
                if Task.isCancelled { throw error }
            }
        }
    }

    private func backoff(attempt: Int) -> Duration {
        let base = options.retryBaseDelay * (1 << min(attempt - 1, 6))
        return base + options.retryBaseDelay * Double.random(in: 0..<1)
    }

    private func once<Response: Decodable>(
        method: String, path: String, attempt: Int, body makeBody: (Int64) throws -> Data
    ) async throws(CalypsoError) -> Response {
        let started = options.now()
        let timestamp = Int64(((started.timeIntervalSince1970 + clockOffset.current) * 1000).rounded())
        let body: [UInt8]
        do {
            body = Array(try makeBody(timestamp))
        } catch {
            throw .invalidRequest("the request could not be encoded: \(error)")
        }
        let signature = CalypsoSignature.sign(body: body, secret: credentials.apiSecret.exposedValue)
        let headers = [
            ("Key", credentials.apiKey), ("Sign", signature),
            ("Content-Type", "application/json"), ("Accept", "application/json"),
        ]
        let url = credentials.baseURL.appendingPathComponent(String(path.drop(while: { $0 == "/" })))
        let clock = ContinuousClock()
        let start = clock.now
        var reply: HTTPReply?
        var failure: CalypsoError?
        defer {
            if let log = options.requestLog {
                let elapsed = clock.now - start
                log(RequestLogEntry(
                    method: method, path: path, attempt: attempt, status: reply?.status,
                    milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
                    requestBody: String(decoding: body, as: UTF8.self), responseBytes: reply?.body.count ?? 0,
                    signaturePrefix: String(signature.prefix(8)), error: failure.map(\.description)))
            }
        }
        do {
            let received = try await transport.send(method: method, url: url, headers: headers, body: body, timeout: options.timeout)
            reply = received
            return try ResponseDecoder.decode(Response.self, from: received, now: options.now())
        } catch {
            failure = error
            throw error
        }
    }
}

/// Marks an operation whose success has no body (webhook delete).
struct NoContent: Decodable {}
