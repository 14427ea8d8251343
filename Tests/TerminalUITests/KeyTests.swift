import CNcursesw
import Testing
@testable import TerminalUI

@Suite struct KeyTests {
    static let allKinds: [Key] = [
        .character("q"), .character("Q"), .character("/"), .character(":"), .character("-"), .character("é"),
        .character(" "), .enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right,
        .home, .end, .pageUp, .pageDown, .function(1), .function(12), .control("r"), .control("@"),
        .resize, .unknown(999),
    ]

    @Test(arguments: allKinds)
    func nameRoundTrips(_ key: Key) {
        #expect(Key(name: key.name) == key)
    }

    @Test func namesAreTheDocumentedOnes() {
        #expect(Key.character("q").name == "q")
        #expect(Key.enter.name == "enter")
        #expect(Key.escape.name == "esc")
        #expect(Key.control("r").name == "ctrl-r")
        #expect(Key.pageDown.name == "pgdn")
        #expect(Key.pageUp.name == "pgup")
        #expect(Key.character(" ").name == "space")
        #expect(Key.function(5).name == "f5")
    }

    @Test func parsingAcceptsAliasesAndIgnoresCaseOfNames() {
        #expect(Key(name: "Escape") == .escape)
        #expect(Key(name: "RETURN") == .enter)
        #expect(Key(name: "Ctrl-R") == .control("r"))
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "F10") == .function(10))
    }

    @Test func parsingRejectsNonsense() {
        #expect(Key(name: "") == nil)
        #expect(Key(name: "ctrl-") == nil)
        #expect(Key(name: "f0") == nil)
        #expect(Key(name: "hyper-x") == nil)
    }

    @Test func decodesCharactersReadInCbreakMode() {
        let ok = pd_ok()
        #expect(KeyDecoder.decode(status: ok, value: 13) == .enter)
        #expect(KeyDecoder.decode(status: ok, value: 27) == .escape)
        #expect(KeyDecoder.decode(status: ok, value: 127) == .backspace)
        #expect(KeyDecoder.decode(status: ok, value: 9) == .tab)
        #expect(KeyDecoder.decode(status: ok, value: 18) == .control("r"))
        #expect(KeyDecoder.decode(status: ok, value: 0x71) == .character("q"))
        #expect(KeyDecoder.decode(status: ok, value: 0x20AE) == .character("₮"))
    }

    @Test func decodesKeyCodes() {
        let code = pd_key_code_yes()
        #expect(KeyDecoder.decode(status: code, value: UInt32(pd_key_up())) == .up)
        #expect(KeyDecoder.decode(status: code, value: UInt32(pd_key_npage())) == .pageDown)
        #expect(KeyDecoder.decode(status: code, value: UInt32(pd_key_btab())) == .backTab)
        #expect(KeyDecoder.decode(status: code, value: UInt32(pd_key_f0() + 5)) == .function(5))
        #expect(KeyDecoder.decode(status: code, value: UInt32(pd_key_resize())) == .resize)
        #expect(KeyDecoder.decode(status: code, value: 0o777) == .unknown(0o777))
    }

    @Test func errorMeansNoKey() {
        #expect(KeyDecoder.decode(status: pd_err(), value: 0) == nil)
    }
}
