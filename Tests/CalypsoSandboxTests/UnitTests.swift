import CalypsoAPI
@testable import CalypsoSandbox
import Foundation
import Testing

@Suite struct UnitTests {
    @Test func httpDateIsRFC1123() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_730_000_000)) == "Sun, 27 Oct 2024 03:33:20 GMT")
    }

    @Test func retryScheduleIsTheDocumentedOne() {
        #expect(WebhookRetrySchedule.gaps.count == 19)
        #expect(WebhookRetrySchedule.gaps.reduce(0, +) == 328_350)
        #expect(WebhookRetrySchedule.gaps.last == 125_430)
    }

    @Test func protocolClockWindowIsPlusMinus180Seconds() {
        let clock = ProtocolClock(skewSeconds: 0)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(clock.accepts(timestampMilliseconds: now + 179_000))
        #expect(!clock.accepts(timestampMilliseconds: now + 181_000))
        #expect(!ProtocolClock(skewSeconds: 300).accepts(timestampMilliseconds: now))
    }

    @Test func identifiersAreWellFormed() {
        var random = SplitMix64(seed: 7)
        let uuid = IdentifierMaker.uuid(&random)
        #expect(UUID(uuidString: uuid) != nil && uuid == uuid.lowercased())
        #expect(Array(uuid)[14] == "4")
        let tron = IdentifierMaker.address(.tron, &random)
        #expect(tron.count == 34 && tron.first == "T" && !tron.contains("0") && !tron.contains("O") && !tron.contains("l"))
        #expect(IdentifierMaker.address(.bitcoin, &random).count == 42)
    }

    @Test func purseExpiryRule() {
        let issued = Date(timeIntervalSince1970: 1_700_000_000)
        var purse = PurseRecord(id: "p", customerId: "c", blockchain: "ETHEREUM", address: "0x", currency: "ETH",
                                status: .pendingPayment, createdDate: issued, lastDepositDate: nil)
        #expect(purse.expiryDate == issued.addingTimeInterval(30 * 86_400))
        purse.lastDepositDate = issued.addingTimeInterval(10 * 86_400)
        #expect(purse.expiryDate == issued.addingTimeInterval(375 * 86_400))
    }
}
