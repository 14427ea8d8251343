import CalypsoAPI
/// The API key pair a sandbox accepts and the merchant accounts it serves, derived from its seed.
/// The first account is the one the key was made for; the others follow in the same stream,
/// so adding accounts never changes the first one.
struct SandboxCredentials: Sendable {
    let accounts: [String]
    let apiKey: String
    let apiSecret: String

    var account: String { accounts[0] }

    init(seed: UInt64, accountCount: Int = 1) {
        var random = SplitMix64(seed: seed ^ 0xC0FF_EE00_ACC0_0000)
        var accounts = ["0x" + IdentifierMaker.hex(40, &random)]
        apiKey = IdentifierMaker.hex(32, &random)
        apiSecret = IdentifierMaker.hex(32, &random)
        for _ in 1..<max(1, accountCount) { accounts.append("0x" + IdentifierMaker.hex(40, &random)) }
        self.accounts = accounts
    }

    /// The names `user/current` gives the accounts: "Sandbox account", then "Sandbox account 2", …
    static func name(ofAccountAt index: Int) -> String {
        index == 0 ? "Sandbox account" : "Sandbox account \(index + 1)"
    }
}
