import CalypsoAPI
import Foundation

/// Where a verified delivery is stored before the receiver answers 200: the desk's own store
/// (batched) or a team's shared store. A repeated event id is `.duplicate`.
public protocol WebhookSink: Sendable {
    func record(_ event: WebhookEnvelope, rawBody: String) async throws -> DeskStore.WebhookRecordOutcome
}

/// Stores deliveries that arrive together in one transaction: while one commit runs, the next
/// deliveries queue up and go into the following one. Each caller hears its own outcome only
/// after the commit that holds its event, so a 200 still means "durably stored".
actor WebhookBatcher: WebhookSink {
    private typealias Waiting = (event: WebhookEnvelope, rawBody: String,
                                 continuation: CheckedContinuation<DeskStore.WebhookRecordOutcome, Error>)
    private let store: DeskStore
    private var waiting: [Waiting] = []
    private var writing = false

    init(store: DeskStore) { self.store = store }

    func record(_ event: WebhookEnvelope, rawBody: String) async throws -> DeskStore.WebhookRecordOutcome {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((event, rawBody, continuation))
            if !writing {
                writing = true
                Task { await self.writeWhileWaiting() }
            }
        }
    }

    private func writeWhileWaiting() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            let store = self.store
            let items = batch.map { (event: $0.event, rawBody: $0.rawBody) }
            let result = await Task.detached { Result { try store.recordWebhooks(items) } }.value
            switch result {
            case .success(let outcomes):
                for (item, outcome) in zip(batch, outcomes) { item.continuation.resume(returning: outcome) }
            case .failure(let error):
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}
