import CalypsoAPI
import Foundation

/// Answers `/api/v1/...`: faults first, then authentication, then the operation.
struct APIHandler: Sendable {
    /// Each account's world and webhooks, keyed by the lowercased account.
    let accounts: [String: SandboxControls]
    /// What `user/current` lists, in order.
    let availableAccounts: [CurrentUser.AvailableAccount]
    let authenticator: RequestAuthenticator
    let faults: FaultInjector
    let traces: TraceIdentifiers
    /// Ends a hung request early when the server stops.
    let isStopping: @Sendable () -> Bool

    private static let customerPurse = "/api/v1/customer-purse/"

    func respond(method: String, path: String, key: String?, sign: String?, body: [UInt8]) async throws -> SandboxResponse {
        let (latency, decision) = faults.decide(traceId: traces.next())
        if latency > 0 { try? await Task.sleep(for: .milliseconds(latency)) }
        switch decision {
        case .drop:
            throw ConnectionDropped()
        case .hang(let seconds):
            let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
            while ContinuousClock.now < deadline, !isStopping(), !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
            }
            throw ConnectionDropped()
        case .respond(let response):
            return response
        case .proceed(let malformed):
            var response = await answer(method: method, path: path, key: key, sign: sign, body: body)
            if malformed, response.status == 200 { response.body = Array(response.body.prefix(max(1, response.body.count / 2))) }
            return response
        }
    }

    private func answer(method: String, path: String, key: String?, sign: String?, body: [UInt8]) async -> SandboxResponse {
        let expectedMethod = path == "/api/v1/subscription/webhook" && method == "DELETE" ? "DELETE" : "POST"
        guard let operation = Operation(path: path, method: method), method == expectedMethod else {
            return .error(status: 404, .badRequest("No operation \(method) \(path)"), traceId: traces.next())
        }
        do throws(SandboxAPIError) {
            let account = try authenticator.authenticate(key: key, sign: sign, body: body,
                                                         clock: ProtocolClock(skewSeconds: faults.faults.clockSkewSeconds),
                                                         needsAccount: operation != .userCurrent)
            if operation == .userCurrent {
                return .json(CurrentUser(id: "sandbox-user", email: "merchant@sandbox.test", name: "Sandbox merchant",
                                         availableAccounts: availableAccounts))
            }
            guard let account, let controls = accounts[account] else { throw SandboxAPIError.badRequest("account is required") }
            return try await perform(operation, body: body, world: controls.world, dispatcher: controls.dispatcher)
        } catch {
            return .error(error, traceId: traces.next())
        }
    }

    enum Operation: Equatable {
        case customerCreate, customerUpdate, customerBlock, customerUnblock, addressGet, purseGetAll, transactionGet,
             transactionFind, userCurrent, exchangePairs, webhookList, webhookCreate, webhookDelete

        init?(path: String, method: String) {
            switch path {
            case APIHandler.customerPurse + "customer/create": self = .customerCreate
            case APIHandler.customerPurse + "customer/update": self = .customerUpdate
            case APIHandler.customerPurse + "customer/block": self = .customerBlock
            case APIHandler.customerPurse + "customer/unblock": self = .customerUnblock
            case APIHandler.customerPurse + "address/get", APIHandler.customerPurse + "purse/get": self = .addressGet
            case APIHandler.customerPurse + "purse/get-all": self = .purseGetAll
            case APIHandler.customerPurse + "transaction/get": self = .transactionGet
            case APIHandler.customerPurse + "transaction/find": self = .transactionFind
            case "/api/v1/user/current": self = .userCurrent
            case "/api/v1/exchange/pairs": self = .exchangePairs
            case "/api/v1/subscription/webhook": self = method == "DELETE" ? .webhookDelete : .webhookList
            case "/api/v1/subscription/webhook/create": self = .webhookCreate
            default: return nil
            }
        }
    }

    private func perform(_ operation: Operation, body: [UInt8], world: SandboxWorld,
                         dispatcher: WebhookDispatcher) async throws(SandboxAPIError) -> SandboxResponse {
        switch operation {
        case .customerCreate:
            return .json(await world.createCustomer(try payload(CustomerCreateRequest.self, body)))
        case .customerUpdate:
            return .json(try await world.updateCustomer(try payload(CustomerUpdateRequest.self, body)))
        case .customerBlock:
            return .json(try await world.setBlocked(customerId: try payload(CustomerIdRequest.self, body).customerId, true))
        case .customerUnblock:
            return .json(try await world.setBlocked(customerId: try payload(CustomerIdRequest.self, body).customerId, false))
        case .addressGet:
            let request = try payload(AddressRequest.self, body)
            return .json(try await world.depositAddress(customerId: request.customerId, currency: request.currency))
        case .purseGetAll:
            return .json(try await world.purseList(customerId: try payload(CustomerIdRequest.self, body).customerId))
        case .transactionGet:
            return .raw(try await world.transactionJSON(id: try payload(TransactionIdRequest.self, body).transactionId))
        case .transactionFind:
            return .raw(try await world.findTransactionsJSON(try payload(TransactionFindRequest.self, body)))
        case .userCurrent:
            throw .badRequest("user/current is answered before any account is chosen")
        case .exchangePairs:
            return .json(ExchangePairs(currencyPairs: await world.currencyPairs()))
        case .webhookList:
            return .json(WebhookSubscriptionList(subscriptions: await dispatcher.subscriptions))
        case .webhookCreate:
            let request = try payload(WebhookSubscriptionCreateRequest.self, body)
            return .json(try await dispatcher.create(request, at: Date()))
        case .webhookDelete:
            try await dispatcher.delete(requestId: try payload(WebhookSubscriptionDeleteRequest.self, body).requestId)
            return SandboxResponse(status: 200, body: [])
        }
    }

    private struct Envelope<Payload: Decodable>: Decodable {
        var payload: Payload
    }

    private func payload<Payload: Decodable>(_ type: Payload.Type, _ body: [UInt8]) throws(SandboxAPIError) -> Payload {
        do {
            return try JSONDecoder().decode(Envelope<Payload>.self, from: Data(body)).payload
        } catch {
            throw .badRequest("Invalid payload: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "\(key.stringValue) is required"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not a JSON object"
        }
    }
}
