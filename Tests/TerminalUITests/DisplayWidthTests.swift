import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("hello") == 5)
    }

    @Test func cjkAndHangulAreTwoColumns() {
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("🇩🇪") == 2)
    }

    @Test func currencySignsAreOneColumn() {
        #expect(DisplayWidth.of("₮") == 1)
        #expect(DisplayWidth.of("100 ₮") == 5)
        #expect(DisplayWidth.of("€₿") == 2)
    }

    @Test func combiningMarksAddNothing() {
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{0301}") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
    }

    @Test func textPresentationSymbolsStayNarrow() {
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("✓") == 1)
        #expect(DisplayWidth.of("─") == 1)
    }

    @Test func controlCharactersHaveNoWidth() {
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\t") == 0)
    }
}
