import CalypsoAPI
/// The one merchant account and API key pair a sandbox accepts, derived from its seed.
struct SandboxCredentials: Sendable {
    let account: String
    let apiKey: String
    let apiSecret: String

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0xC0FF_EE00_ACC0_0000)
        account = "0x" + IdentifierMaker.hex(40, &random)
        apiKey = IdentifierMaker.hex(32, &random)
        apiSecret = IdentifierMaker.hex(32, &random)
    }
}
