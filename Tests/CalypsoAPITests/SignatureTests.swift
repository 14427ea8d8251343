import CalypsoAPI
import Foundation
import Testing

@Suite struct SignatureTests {
    let secret = "b823a6b9ea72408583cef9ec8d67fa52"

    @Test func documentedVectorTimestampOne() {
        #expect(CalypsoSignature.sign(body: Array(#"{"timestamp":1}"#.utf8), secret: secret)
            == "b16e9d45f49f2069becbc4f108b237bee588cfc353fe9501df103e692acbc68d482a10d34c12bea22fedde7e28e1b8e57a6a0a373b0e9a27c5257bd8b36e13b9")
    }

    @Test func createCustomerVector() {
        let body = #"{"account":"0x1111111111111111111111111111111111111111","timestamp":1700000000000,"payload":{"email":"user@example.com","description":"test"}}"#
        #expect(CalypsoSignature.sign(body: Array(body.utf8), secret: secret)
            == "d75cf7abc1ed7319d2555dcde6edff7a1aada7755ad8f399218d7828c23c172b875948e0e7f7457f0a821c48b8a56b07664b59fcf8d3f2e042dd7326d321b270")
    }

    @Test func addressVector() {
        let body = #"{"account":"0x1111111111111111111111111111111111111111","timestamp":1700000000000,"payload":{"customerId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","currency":"USDT_BSC"}}"#
        #expect(CalypsoSignature.sign(body: Array(body.utf8), secret: secret)
            == "6361e893f8ac7e06cd9c18d90f93ee03d9ee5b87c59884a5d85a9acb24e3001b58d79d13f7bb46e453d8b93ae205bcfc09552b684b707f7bc227b4607497bc49")
    }

    @Test func envelopeBytesAreDeterministicAndSigned() throws {
        let body = try RequestEnvelope.body(
            account: "0x1111111111111111111111111111111111111111", timestamp: 1_700_000_000_000,
            payload: AddressRequest(customerId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", currency: "USDT_BSC"))
        #expect(String(decoding: body, as: UTF8.self)
            == #"{"account":"0x1111111111111111111111111111111111111111","payload":{"currency":"USDT_BSC","customerId":"3fa85f64-5717-4562-b3fc-2c963f66afa6"},"timestamp":1700000000000}"#)
        #expect(CalypsoSignature.sign(body: body, secret: secret)
            == "5bda99ce56583a00c5416061274f484d711f5437ccbd0000a8f01830ad2a4897c9aa4980b8cd4a3c613d97f23c5ee9a1c8448533ab974a053ef76342d7e54c86")
        #expect(try RequestEnvelope.body(timestamp: 1) == Data(#"{"timestamp":1}"#.utf8))
    }

    @Test func envelopeOmitsAbsentOptionalFields() throws {
        let body = try RequestEnvelope.body(account: "0xab", timestamp: 5, payload: CustomerCreateRequest(email: "a@b.co"))
        #expect(String(decoding: body, as: UTF8.self) == #"{"account":"0xab","payload":{"email":"a@b.co"},"timestamp":5}"#)
    }

    @Test func verifyIsCaseInsensitiveAndRejectsTampering() {
        let body = Array(#"{"timestamp":1}"#.utf8)
        let sign = CalypsoSignature.sign(body: body, secret: secret)
        #expect(CalypsoSignature.verify(body: body, secret: secret, signature: sign.uppercased()))
        #expect(!CalypsoSignature.verify(body: Array(#"{"timestamp":2}"#.utf8), secret: secret, signature: sign))
        #expect(!CalypsoSignature.verify(body: body, secret: secret + "x", signature: sign))
        #expect(!CalypsoSignature.verify(body: body, secret: secret, signature: String(sign.dropLast())))
        #expect(!CalypsoSignature.verify(body: body, secret: secret, signature: ""))
    }

    @Test func secretNeverPrints() {
        let secret = Secret("s3cr3t-value")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        let credentials = Credentials(baseURL: Credentials.defaultBaseURL, account: "0x1", apiKey: "k", apiSecret: secret)
        #expect(!"\(credentials)".contains("s3cr3t-value"))
    }
}
