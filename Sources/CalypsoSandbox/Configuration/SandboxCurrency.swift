import CalypsoAPI
import Foundation

/// One currency the sandbox accepts: its blockchain and the range generated deposits fall in.
public struct SandboxCurrency: Sendable, Hashable, Codable {
    public var code: Currency
    public var blockchain: String
    public var minimumAmount: Decimal
    public var maximumAmount: Decimal
    /// Fraction digits of generated amounts.
    public var decimals: Int

    public init(code: Currency, blockchain: String, minimumAmount: Decimal, maximumAmount: Decimal, decimals: Int) {
        self.code = code
        self.blockchain = blockchain
        self.minimumAmount = minimumAmount
        self.maximumAmount = maximumAmount
        self.decimals = decimals
    }

    /// ASSUMED: only ETH, USDT_BSC and POL are confirmed by the reference; the other codes and
    /// every blockchain name follow the `TOKEN_CHAIN` pattern it describes (reference section 9).
    public static let assumedDefaults: [SandboxCurrency] = [
        SandboxCurrency(code: "ETH", blockchain: "ETHEREUM", minimumAmount: 0.005, maximumAmount: 4, decimals: 6),
        SandboxCurrency(code: "USDT_ERC20", blockchain: "ETHEREUM", minimumAmount: 10, maximumAmount: 5000, decimals: 2),
        SandboxCurrency(code: "USDT_BSC", blockchain: "BSC", minimumAmount: 10, maximumAmount: 5000, decimals: 2),
        SandboxCurrency(code: "BNB", blockchain: "BSC", minimumAmount: 0.02, maximumAmount: 15, decimals: 4),
        SandboxCurrency(code: "POL", blockchain: "POLYGON", minimumAmount: 1, maximumAmount: 3000, decimals: 2),
        SandboxCurrency(code: "TRX", blockchain: "TRON", minimumAmount: 10, maximumAmount: 25000, decimals: 2),
        SandboxCurrency(code: "USDT_TRX", blockchain: "TRON", minimumAmount: 10, maximumAmount: 5000, decimals: 2),
        SandboxCurrency(code: "BTC", blockchain: "BITCOIN", minimumAmount: 0.0002, maximumAmount: 0.4, decimals: 8),
    ]
}

/// How addresses look on a blockchain.
enum AddressFormat: Sendable {
    /// `0x` + 40 hex; one address is shared by every EVM chain of a customer.
    case evm
    /// `T` + 33 base58 characters.
    case tron
    /// `bc1q` + 38 bech32 characters.
    case bitcoin

    init(blockchain: String) {
        switch blockchain.uppercased() {
        case "TRON": self = .tron
        case "BITCOIN", "BTC": self = .bitcoin
        default: self = .evm
        }
    }
}
