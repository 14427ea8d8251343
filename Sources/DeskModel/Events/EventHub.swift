import CalypsoAPI
import Foundation

/// Fans events out to every subscriber (the dashboard, the alert view, tests).
public final class EventHub<Event: Sendable>: Sendable {
    private let subscribers = Locked<[UUID: AsyncStream<Event>.Continuation]>([:])

    public init() {}

    public func subscribe(bufferingNewest limit: Int = 10_000) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(limit))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [subscribers] _ in _ = subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }

    public func publish(_ events: [Event]) {
        guard !events.isEmpty else { return }
        let targets = subscribers.withLock { Array($0.values) }
        for continuation in targets {
            for event in events { continuation.yield(event) }
        }
    }

    public func publish(_ event: Event) { publish([event]) }

    public func finish() {
        let targets = subscribers.withLock { current in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
