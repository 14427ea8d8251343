import CalypsoAPI
@testable import DeskApp
import DeskModel
import Testing
import TerminalUI

/// `Q` on a purse and the explorer links on the customer and transaction screens.
@Suite struct QRAndLinksScreenTests {
    static func detailState(explorers: ExplorerLinks = .defaults) -> AppState {
        var setup = Fixtures.setup()
        setup.explorers = explorers
        var state = AppState(setup)
        _ = update(&state, .started)
        _ = update(&state, .customersLoaded(Fixtures.customers))
        state.press("enter")
        _ = update(&state, .detailLoaded(ScreenTests.detail()))
        return state
    }

    @Test func qOnAPurseShowsItsAddressAsACodeAndAnyKeyClosesIt() throws {
        var state = Self.detailState()
        state.press("j", "Q")
        guard case .qrCode(let title, let address)? = state.modal else {
            Issue.record("no QR code: \(String(describing: state.modal))")
            return
        }
        let view = try #require(state.views.last as? CustomerDetailView)
        let purse = try #require(view.detail.purses[safe: view.purseTable.selected])
        #expect(view.purseTable.selected == 1)
        #expect(address == purse.address)
        #expect(title == "\(purse.currency) on \(purse.blockchain ?? "") · ann@example.com")
        let frame = DashboardScreen.render(state)
        let text = frame.textLines.joined(separator: "\n")
        #expect(text.contains("any key closes"))
        #expect(text.contains(address))
        #expect(text.contains("▀") && text.contains("▄"))
        state.press("x")
        #expect(state.modal == nil)
        #expect(!state.screenText.contains("any key closes"))
    }

    @Test func qOnTheDepositsSaysWhatItIsFor() {
        var state = Self.detailState()
        state.press("tab", "Q")
        #expect(state.modal == nil)
        #expect(state.screenText.contains("Q shows a purse's address"))
    }

    @Test func addressesAndHashesLinkToTheirChainsExplorer() throws {
        let frame = DashboardScreen.render(Self.detailState())
        // The shared EVM address is shown once, on its first chain's row (BSC); the next row says 〃.
        let shared = try #require(frame.find("0xshared"))
        #expect(frame.text(row: shared.y).contains("BSC"))
        #expect(frame.style(atX: shared.x, y: shared.y).link?.uri == "https://bscscan.com/address/0xshared")
        let btc = try #require(frame.find("bc1qdeclined"))
        #expect(frame.style(atX: btc.x + 3, y: btc.y).link?.uri == "https://mempool.space/address/bc1qdeclined")
        let hash = try #require(frame.find("0xhash-tx9"))
        #expect(frame.style(atX: hash.x, y: hash.y).link?.uri == "https://etherscan.io/tx/0xhash-tx9")
        let currency = try #require(frame.find("USDT_BSC"))
        #expect(frame.style(atX: currency.x, y: currency.y).link == nil)
    }

    @Test func aProfilesTemplatesReplaceTheDefaults() throws {
        let explorers = try ExplorerLinks(overrides: ["bsc": ["address": "https://testnet.bscscan.com/address/{address}"]])
        let frame = DashboardScreen.render(Self.detailState(explorers: explorers))
        let shared = try #require(frame.find("0xshared"))
        #expect(frame.style(atX: shared.x, y: shared.y).link?.uri == "https://testnet.bscscan.com/address/0xshared")
        let hash = try #require(frame.find("0xhash-tx9"))
        #expect(frame.style(atX: hash.x, y: hash.y).link?.uri == "https://etherscan.io/tx/0xhash-tx9")
    }

    @Test func theTransactionScreenLinksItsHashAndAddress() throws {
        var state = Fixtures.state()
        state.press(":")
        state.type("feed")
        state.press("enter")
        let tx = Fixtures.transaction("tx1", customerId: Fixtures.customers[0].id, state: .memPoolFound)
        _ = update(&state, .modelEvents([.newDeposit(tx)]))
        state.press("enter")
        _ = update(&state, .transactionLoaded(TransactionDetailData(transaction: tx, history: [])))
        let frame = DashboardScreen.render(state)
        let hash = try #require(frame.find("0xhash-tx1"))
        #expect(frame.style(atX: hash.x, y: hash.y).link?.uri == "https://etherscan.io/tx/0xhash-tx1")
        let address = try #require(frame.find("0xaddr"))
        #expect(frame.style(atX: address.x, y: address.y).link?.uri == "https://etherscan.io/address/0xaddr")
    }
}
