import CalypsoAPI
import Foundation

/// Something a webhook subscription hears about.
struct SandboxEvent: Sendable {
    var eventType: WebhookEventType
    var data: WebhookEventData
    var date: Date
}
