import CalypsoAPI
import Foundation

/// The real transport, noting the server's clock from each answer's `Date` header.
final class DateRecordingTransport: HTTPTransport, @unchecked Sendable {
    private let transport = AsyncHTTPTransport()
    private let lock = NSLock()
    private var offset: TimeInterval?

    var serverOffset: TimeInterval? { lock.withLock { offset } }

    func send(method: String, url: URL, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws(CalypsoError) -> HTTPReply {
        let sent = Date()
        let reply = try await transport.send(method: method, url: url, headers: headers, body: body, timeout: timeout)
        let received = Date()
        if let text = reply.header("Date"), let serverDate = Self.parse(text) {
            // The header has whole seconds (truncated, so +0.5 s on average); compare with the middle of the exchange.
            let middle = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
            lock.withLock { offset = serverDate.addingTimeInterval(0.5).timeIntervalSince(middle) }
        }
        return reply
    }

    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
