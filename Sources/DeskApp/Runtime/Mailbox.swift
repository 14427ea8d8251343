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
    private let wake = Locked<(@Sendable () -> Void)?>(nil)

    public init(eventInterval: Duration = .milliseconds(250)) {
        self.eventInterval = eventInterval
    }

    /// Called after every post, to wake the UI thread.
    public func onPost(_ action: @escaping @Sendable () -> Void) {
        wake.withLock { $0 = action }
    }

    public func post(_ message: AppMessage) {
        contents.withLock { $0.messages.append(message) }
        wake.current?()
    }

    public func post(event: DeskEvent) {
        contents.withLock { $0.events.append(event) }
        wake.current?()
    }

    /// Nothing is waiting: no message and no held event.
    public var isEmpty: Bool { contents.withLock { $0.messages.isEmpty && $0.events.isEmpty } }

    /// Drops the events not yet handed over (those of an account switched away from).
    public func discardHeldEvents() {
        contents.withLock { $0.events = [] }
    }

    /// How long until held events are due as a batch; nil when none are held.
    public func nextBatchDue(now: ContinuousClock.Instant = .now) -> Duration? {
        contents.withLock { contents in
            contents.events.isEmpty ? nil : max(.zero, eventInterval - (now - contents.lastEventBatch))
        }
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
