import CalypsoAPI
import DeskModel
import Foundation

/// Where background work leaves messages for the UI thread. Store events are held back and
/// handed over as one batch at most every `eventInterval`, so a burst of deposits costs one
/// update and one frame instead of hundreds.
public final class Mailbox: Sendable {
    private struct Contents {
        var messages: [AppMessage] = []
        var events: [DeskEvent] = []
        var lastEventBatch = ContinuousClock.now
    }

    private let contents = Locked(Contents())
    private let eventInterval: Duration

    public init(eventInterval: Duration = .milliseconds(250)) {
        self.eventInterval = eventInterval
    }

    public func post(_ message: AppMessage) {
        contents.withLock { $0.messages.append(message) }
    }

    public func post(event: DeskEvent) {
        contents.withLock { $0.events.append(event) }
    }

    /// Everything waiting, with due events as one `.modelEvents` batch at the end.
    public func take(now: ContinuousClock.Instant = .now) -> [AppMessage] {
        contents.withLock { contents in
            var taken = contents.messages
            contents.messages = []
            if !contents.events.isEmpty, now - contents.lastEventBatch >= eventInterval {
                taken.append(.modelEvents(contents.events))
                contents.events = []
                contents.lastEventBatch = now
            }
            return taken
        }
    }
}
