import Testing
@testable import TerminalUI

@Suite struct HyperlinkTests {
    static let etherscan = Hyperlink("https://etherscan.io/tx/0xabc")!

    @Test func targetsArePrintableAsciiSoTheyCannotBreakOutOfTheSequence() {
        #expect(Hyperlink("https://x.io/a b")?.uri == "https://x.io/a%20b")
        #expect(Hyperlink("https://x.io/\u{1B}]8;;evil\u{07}")?.uri == "https://x.io/%1B]8;;evil%07")
        #expect(Hyperlink("https://x.io/é")?.uri == "https://x.io/%C3%A9")
        #expect(Hyperlink("") == nil)
        #expect(Self.etherscan.openSequence == "\u{1B}]8;;https://etherscan.io/tx/0xabc\u{1B}\\")
        #expect(Hyperlink.closeSequence == "\u{1B}]8;;\u{1B}\\")
    }

    @Test func osc52CarriesTheTextInBase64() {
        #expect(Clipboard.sequence(for: "0xabc") == "\u{1B}]52;c;MHhhYmM=\u{07}")
    }

    @Test func aLinkBelongsToTheTextWrittenWithIt() {
        var buffer = CellBuffer(width: 20, height: 2)
        buffer.put(Line([Span("tx ", style: Style(bold: true)), Span("0xabc", style: Style(fg: .cyan), link: Self.etherscan)]), x: 0, y: 0)
        #expect(buffer.style(atX: 2, y: 0).link == nil)
        #expect((3..<8).allSatisfy { buffer.style(atX: $0, y: 0).link == Self.etherscan })
        #expect(buffer.style(atX: 8, y: 0).link == nil)

        buffer.applyStyle(Style(reverse: true), to: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(buffer.style(atX: 4, y: 0).link == Self.etherscan)
        #expect(buffer.style(atX: 4, y: 0).reverse)

        buffer.put("over", x: 3, y: 0)
        #expect(buffer.style(atX: 3, y: 0).link == nil)
        #expect(buffer.style(atX: 7, y: 0).link == Self.etherscan)
        #expect(buffer.style(atX: 3, y: 0).fg == .cyan)

        buffer.fill(Rect(x: 0, y: 0, width: 20, height: 1), style: .plain)
        #expect(buffer.style(atX: 7, y: 0).link == nil)
    }

    @Test func linkedCellsOfAFrameAreRewrittenInOneRunPerLink() {
        var frame = CellBuffer(width: 30, height: 3)
        frame.put(Line([Span("tx ", style: .plain), Span("0xabc", link: Self.etherscan), Span(" addr "),
                        Span("bc1q", link: Hyperlink("https://mempool.space/address/bc1q"))]), x: 0, y: 1)
        let runs = HyperlinkRuns.runs(in: BufferDiff.runs(from: nil, to: frame), previous: nil, size: TerminalSize(width: 30, height: 3))
        #expect(runs.map(\.startX) == [3, 14])
        #expect(runs.map { String($0.cells.compactMap(\.character)) } == ["0xabc", "bc1q"])
        #expect(runs.map(\.link?.uri) == ["https://etherscan.io/tx/0xabc", "https://mempool.space/address/bc1q"])
        #expect(runs.allSatisfy { $0.row == 1 })
    }

    @Test func cellsWhoseLinkWentAwayAreRewrittenWithoutOne() {
        var before = CellBuffer(width: 20, height: 2)
        before.put(Line([Span("0xabc", link: Self.etherscan)]), x: 2, y: 0)
        var after = CellBuffer(width: 20, height: 2)
        after.put("0xabc", x: 2, y: 0)
        let size = TerminalSize(width: 20, height: 2)
        let runs = HyperlinkRuns.runs(in: BufferDiff.runs(from: before, to: after), previous: before, size: size)
        #expect(runs == [HyperlinkRun(row: 0, startX: 2, cells: Array(after.cells(row: 0)[2..<7]), link: nil)])
        #expect(HyperlinkRuns.runs(in: BufferDiff.runs(from: after, to: after), previous: after, size: size).isEmpty)
        #expect(HyperlinkRuns.runs(in: BufferDiff.runs(from: before, to: before), previous: before, size: size).isEmpty)
    }

    @Test func wideGraphemesKeepTheirContinuationAndTheBottomRightCellIsLeftAlone() {
        var frame = CellBuffer(width: 6, height: 2)
        frame.put(Line([Span("币x", link: Self.etherscan)]), x: 0, y: 0)
        frame.put(Line([Span("abcdef", link: Self.etherscan)]), x: 0, y: 1)
        let runs = HyperlinkRuns.runs(in: BufferDiff.runs(from: nil, to: frame), previous: nil, size: TerminalSize(width: 6, height: 2))
        #expect(runs.count == 2)
        #expect(runs[0].cells.count == 3 && runs[0].cells[1].isContinuation)
        #expect(String(runs[1].cells.compactMap(\.character)) == "abcde")
    }

    @Test(arguments: [
        (["TERM": "xterm-256color"], true),
        (["TERM": "tmux-256color"], true),
        (["TERM": "screen-256color", "TMUX": "/tmp/tmux-0/default,1,0"], true),
        (["TERM": "screen-256color"], false),
        (["TERM": "screen"], false),
        (["TERM": "linux"], false),
        (["TERM": "vt100"], false),
        (["TERM": "vt220"], false),
        (["TERM": "dumb"], false),
        (["TERM": "eterm-color"], false),
        (["TERM": "xterm-256color", "INSIDE_EMACS": "29.1,vterm"], false),
        ([:], false),
    ] as [([String: String], Bool)])
    func linksAreOffWhereTheTerminalIsKnownNotToShowThem(environment: [String: String], expected: Bool) {
        #expect(HyperlinkSupport.isLikelySupported(environment: environment) == expected)
    }
}
