@testable import TerminalUI
import Testing

/// A style holds its hyperlink as a number, so cells copy and compare as plain data (no reference
/// counting in every frame's render and diff) while links still compare by their target.
@Suite struct StyleIsPlainDataTests {
    @Test func aStyleIsPlainDataEvenWithALink() {
        #expect(_isPOD(Style.self))
    }

    @Test func linksCompareByTargetAndSurviveThePatching() throws {
        let first = try #require(Hyperlink("https://etherscan.io/address/0x1"))
        let again = try #require(Hyperlink("https://etherscan.io/address/0x1"))
        let other = try #require(Hyperlink("https://etherscan.io/address/0x2"))
        #expect(Style(link: first) == Style(link: again))
        #expect(Style(link: first) != Style(link: other))
        #expect(Style(bold: true, link: other).link == other)
        #expect(Style(link: first).patched(with: Style(bold: true)).link == first)
        #expect(Style(link: first).patched(with: Style(link: other)).link == other)
        var unlinked = Style(link: first)
        unlinked.link = nil
        #expect(unlinked == Style())
    }
}
