@testable import DeskApp
import Testing
import TerminalUI

@Suite struct ExplorerLinksTests {
    @Test func defaultsCoverTheChainsCalypsoServes() {
        let links = ExplorerLinks.defaults
        #expect(links.transaction("0xabc", blockchain: "ETHEREUM")?.uri == "https://etherscan.io/tx/0xabc")
        #expect(links.address("0x52908400098527886E0F7030069857D2E4169EE7", blockchain: "ETHEREUM")?.uri
            == "https://etherscan.io/address/0x52908400098527886E0F7030069857D2E4169EE7")
        #expect(links.transaction("0xabc", blockchain: "BSC")?.uri == "https://bscscan.com/tx/0xabc")
        #expect(links.address("0xabc", blockchain: "POLYGON")?.uri == "https://polygonscan.com/address/0xabc")
        #expect(links.transaction("f00d", blockchain: "TRON")?.uri == "https://tronscan.org/#/transaction/f00d")
        #expect(links.address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", blockchain: "BITCOIN")?.uri
            == "https://mempool.space/address/bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
    }

    @Test func chainNamesAreMatchedLeniently() {
        let links = ExplorerLinks.defaults
        #expect(links.transaction("1", blockchain: "ethereum")?.uri == "https://etherscan.io/tx/1")
        #expect(links.transaction("1", blockchain: "Binance Smart Chain")?.uri == "https://bscscan.com/tx/1")
        #expect(links.transaction("1", blockchain: "BTC")?.uri == "https://mempool.space/tx/1")
        #expect(links.transaction("1", blockchain: "NOT_A_CHAIN") == nil)
        #expect(links.transaction("1", blockchain: nil) == nil)
        #expect(links.transaction(nil, blockchain: "ETHEREUM") == nil)
        #expect(links.transaction("", blockchain: "ETHEREUM") == nil)
    }

    @Test func valuesCannotChangeThePageTheTemplatePointsAt() {
        let links = ExplorerLinks.defaults
        #expect(links.transaction("../../evil?x=1#y", blockchain: "ETHEREUM")?.uri == "https://etherscan.io/tx/..%2F..%2Fevil%3Fx%3D1%23y")
        #expect(links.transaction("0xab cd\u{1B}", blockchain: "ETHEREUM")?.uri == "https://etherscan.io/tx/0xab%20cd%1B")
    }

    @Test func aProfileOverridesAddsAndTurnsOffTemplates() throws {
        let links = try ExplorerLinks(overrides: [
            "ethereum": ["tx": "https://sepolia.etherscan.io/tx/{hash}"],
            "Tron": ["address": ""],
            "arbitrum-nova": ["tx": "https://nova.arbiscan.io/tx/{hash}", "address": "https://nova.arbiscan.io/address/{address}"],
        ])
        #expect(links.transaction("0x1", blockchain: "ETHEREUM")?.uri == "https://sepolia.etherscan.io/tx/0x1")
        #expect(links.address("0x1", blockchain: "ETHEREUM")?.uri == "https://etherscan.io/address/0x1")
        #expect(links.address("T1", blockchain: "TRON") == nil)
        #expect(links.transaction("f", blockchain: "TRON")?.uri == "https://tronscan.org/#/transaction/f")
        #expect(links.address("0x2", blockchain: "ARBITRUM_NOVA")?.uri == "https://nova.arbiscan.io/address/0x2")
    }

    @Test func badTemplatesAreRejectedWithTheKeyAndTheReason() {
        #expect(throws: ExplorerLinks.ConfigurationError(description: "explorers.ethereum.tx: \"https://etherscan.io/tx/\" must contain {hash}")) {
            try ExplorerLinks(overrides: ["ethereum": ["tx": "https://etherscan.io/tx/"]])
        }
        #expect(throws: ExplorerLinks.ConfigurationError(description: "explorers.bsc.address: \"javascript:alert(1)//{address}\" must be an http:// or https:// URL")) {
            try ExplorerLinks(overrides: ["bsc": ["address": "javascript:alert(1)//{address}"]])
        }
        #expect(throws: ExplorerLinks.ConfigurationError(description: "explorers.bsc.transaction: unknown key (use tx or address)")) {
            try ExplorerLinks(overrides: ["bsc": ["transaction": "https://bscscan.com/tx/{hash}"]])
        }
    }
}
