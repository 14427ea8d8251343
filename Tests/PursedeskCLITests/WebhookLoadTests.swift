import Foundation
import Testing

/// Signed webhooks paced at 1,000 a second into the receiver, through the real `bench webhooks`
/// command: none may be lost. `PURSEDESK_SOAK=1` runs the full 10 seconds.
@Suite struct WebhookLoadTests {
    @Test func pacedSignedLoadLosesNothing() async throws {
        let seconds = ProcessInfo.processInfo.environment["PURSEDESK_SOAK"] == "1" ? 10 : 2
        let result = try await PursedeskBinary.run(["bench", "webhooks", "--per-second", "1000", "--seconds", "\(seconds)"], timeout: 120)
        #expect(result.status == 0, "\(result.error)")
        let total = 1000 * seconds
        #expect(result.output.contains("\(total) of \(total)"), "\(result.output)")
        print(result.output.split(separator: "\n").first ?? "")
    }
}
