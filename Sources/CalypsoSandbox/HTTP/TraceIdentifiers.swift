import CalypsoAPI

/// `traceId`s for error bodies: unique within a run and easy to grep in logs.
final class TraceIdentifiers: Sendable {
    private let counter = Locked<UInt64>(0)

    func next() -> String {
        let value = counter.withLock { value -> UInt64 in
            value += 1
            return value
        }
        let digits = String(value, radix: 16)
        return "sandbox-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
