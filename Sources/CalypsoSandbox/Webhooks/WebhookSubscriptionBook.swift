import CalypsoAPI
import Foundation

/// The Webhook API's subscriptions: each with its own 32-hex `publicKey`/`secretKey`.
struct WebhookSubscriptionBook: Sendable {
    private(set) var subscriptions: [WebhookSubscription] = []
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed ^ 0x5EB_400C) }

    mutating func create(_ request: WebhookSubscriptionCreateRequest, at date: Date) throws(SandboxAPIError) -> WebhookSubscription {
        guard !request.requestId.isEmpty else { throw .badRequest("requestId is required") }
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { throw .badRequest("url must be an http or https URL") }
        guard !subscriptions.contains(where: { $0.requestId == request.requestId }) else {
            throw .badRequest("A subscription with requestId \(request.requestId) already exists")
        }
        let subscription = WebhookSubscription(
            requestId: request.requestId, notificationEventTypes: request.notificationEventTypes ?? [],
            notificationServiceTypes: request.notificationServiceTypes ?? [], url: request.url,
            publicKey: IdentifierMaker.hex(32, &random), secretKey: IdentifierMaker.hex(32, &random),
            createdDate: date, blockedByErrorCount: false)
        subscriptions.append(subscription)
        return subscription
    }

    mutating func delete(requestId: String) throws(SandboxAPIError) {
        guard !requestId.isEmpty else { throw .badRequest("requestId is required") }
        guard let index = subscriptions.firstIndex(where: { $0.requestId == requestId }) else {
            throw .notFound("Subscription \(requestId) is not found")
        }
        subscriptions.remove(at: index)
    }

    /// A subscription naming neither services nor events hears everything; otherwise it hears
    /// the `CUSTOMER_PURSE` service or the events it lists.
    func subscribers(of eventType: WebhookEventType) -> [WebhookSubscription] {
        subscriptions.filter { subscription in
            let services = subscription.notificationServiceTypes ?? []
            let events = subscription.notificationEventTypes ?? []
            return (services.isEmpty && events.isEmpty) || services.contains("CUSTOMER_PURSE")
                || events.contains(eventType.rawValue)
        }
    }
}
