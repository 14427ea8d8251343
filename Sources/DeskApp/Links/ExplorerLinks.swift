import Foundation
import TerminalUI

/// Block-explorer URL templates per blockchain, which turn transaction hashes and addresses on
/// screen into hyperlinks. `{hash}` and `{address}` are replaced by the value, percent-encoded.
/// A profile overrides or adds chains (`[profiles.NAME.explorers]`, see `init(overrides:)`).
public struct ExplorerLinks: Hashable, Sendable {
    /// The two pages an explorer has for a chain; nil: no link for that kind.
    public struct Templates: Hashable, Sendable {
        public var transaction: String?
        public var address: String?

        public init(transaction: String?, address: String?) {
            self.transaction = transaction
            self.address = address
        }
    }

    /// A template in the configuration that cannot work.
    public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Templates by normalised blockchain name (see `normalised`).
    public private(set) var chains: [String: Templates]

    /// Public explorers of the chains Calypso serves and a few common others.
    public static let defaults = ExplorerLinks(chains: [
        "ETHEREUM": Templates(transaction: "https://etherscan.io/tx/{hash}", address: "https://etherscan.io/address/{address}"),
        "BSC": Templates(transaction: "https://bscscan.com/tx/{hash}", address: "https://bscscan.com/address/{address}"),
        "POLYGON": Templates(transaction: "https://polygonscan.com/tx/{hash}", address: "https://polygonscan.com/address/{address}"),
        "TRON": Templates(transaction: "https://tronscan.org/#/transaction/{hash}", address: "https://tronscan.org/#/address/{address}"),
        "BITCOIN": Templates(transaction: "https://mempool.space/tx/{hash}", address: "https://mempool.space/address/{address}"),
        "ARBITRUM": Templates(transaction: "https://arbiscan.io/tx/{hash}", address: "https://arbiscan.io/address/{address}"),
        "OPTIMISM": Templates(transaction: "https://optimistic.etherscan.io/tx/{hash}", address: "https://optimistic.etherscan.io/address/{address}"),
        "BASE": Templates(transaction: "https://basescan.org/tx/{hash}", address: "https://basescan.org/address/{address}"),
        "AVALANCHE": Templates(transaction: "https://snowtrace.io/tx/{hash}", address: "https://snowtrace.io/address/{address}"),
        "SOLANA": Templates(transaction: "https://solscan.io/tx/{hash}", address: "https://solscan.io/account/{address}"),
        "TON": Templates(transaction: "https://tonviewer.com/transaction/{hash}", address: "https://tonviewer.com/{address}"),
        "LITECOIN": Templates(transaction: "https://litecoinspace.org/tx/{hash}", address: "https://litecoinspace.org/address/{address}"),
    ])

    /// Other names servers use for the same chains.
    private static let aliases: [String: String] = [
        "ETH": "ETHEREUM", "ERC20": "ETHEREUM", "BTC": "BITCOIN", "TRX": "TRON", "TRC20": "TRON",
        "BNB": "BSC", "BEP20": "BSC", "BINANCE_SMART_CHAIN": "BSC", "BNB_SMART_CHAIN": "BSC",
        "MATIC": "POLYGON", "POL": "POLYGON", "ARBITRUM_ONE": "ARBITRUM", "AVAX": "AVALANCHE", "SOL": "SOLANA", "LTC": "LITECOIN",
    ]

    private init(chains: [String: Templates]) {
        self.chains = chains
    }

    /// The defaults with a profile's overrides laid on top: blockchain name → `tx` and/or `address`
    /// template, e.g. `["ethereum": ["tx": "https://sepolia.etherscan.io/tx/{hash}"]]`. A kind
    /// left out keeps its default; an empty template turns that link off.
    public init(overrides: [String: [String: String]]) throws(ConfigurationError) {
        var chains = Self.defaults.chains
        for (chain, templates) in overrides.sorted(by: { $0.key < $1.key }) {
            let name = Self.normalised(chain)
            guard !name.isEmpty else { throw ConfigurationError(description: "explorers: a blockchain name is empty") }
            var entry = chains[name] ?? Templates(transaction: nil, address: nil)
            for (kind, template) in templates.sorted(by: { $0.key < $1.key }) {
                switch kind {
                case "tx": entry.transaction = try Self.validated(template, placeholder: "{hash}", at: "explorers.\(chain).tx")
                case "address": entry.address = try Self.validated(template, placeholder: "{address}", at: "explorers.\(chain).address")
                default: throw ConfigurationError(description: "explorers.\(chain).\(kind): unknown key (use tx or address)")
                }
            }
            chains[name] = entry
        }
        self.chains = chains
    }

    /// The explorer page of a transaction, or nil when the chain has none or there is no hash.
    public func transaction(_ hash: String?, blockchain: String?) -> Hyperlink? {
        link(templates(blockchain)?.transaction, placeholder: "{hash}", value: hash)
    }

    /// The explorer page of an address, or nil when the chain has none.
    public func address(_ address: String?, blockchain: String?) -> Hyperlink? {
        link(templates(blockchain)?.address, placeholder: "{address}", value: address)
    }

    /// Upper case, separators as `_`, known aliases resolved: "Binance Smart Chain" → "BSC".
    public static func normalised(_ blockchain: String) -> String {
        let name = blockchain.trimmingCharacters(in: .whitespaces).uppercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return aliases[name] ?? name
    }

    private func templates(_ blockchain: String?) -> Templates? {
        blockchain.flatMap { chains[Self.normalised($0)] }
    }

    /// Characters a hash or address may keep in a URL; anything else is percent-encoded, so a
    /// value from the network cannot change the page the template points at.
    private static let valueCharacters = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        .union(CharacterSet(charactersIn: "-._~:"))

    private func link(_ template: String?, placeholder: String, value: String?) -> Hyperlink? {
        guard let template, let value, !value.isEmpty,
              let encoded = value.addingPercentEncoding(withAllowedCharacters: Self.valueCharacters) else { return nil }
        return Hyperlink(template.replacingOccurrences(of: placeholder, with: encoded))
    }

    private static func validated(_ template: String, placeholder: String, at key: String) throws(ConfigurationError) -> String? {
        let template = template.trimmingCharacters(in: .whitespaces)
        guard !template.isEmpty else { return nil }
        guard let scheme = template.split(separator: ":", maxSplits: 1).first?.lowercased(), ["https", "http"].contains(scheme),
              template.contains("://") else {
            throw ConfigurationError(description: "\(key): \"\(template)\" must be an http:// or https:// URL")
        }
        guard template.contains(placeholder) else {
            throw ConfigurationError(description: "\(key): \"\(template)\" must contain \(placeholder)")
        }
        return template
    }
}
