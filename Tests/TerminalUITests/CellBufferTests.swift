import Testing
@testable import TerminalUI

@Suite struct CellBufferTests {
    @Test func putWritesTextAndReturnsColumns() {
        var buffer = CellBuffer(width: 10, height: 2)
        let used = buffer.put("abc", x: 2, y: 1)
        #expect(used == 3)
        #expect(buffer.textLines == ["          ", "  abc     "])
    }

    @Test func putClipsAtTheRightEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.put("abcdefgh", x: 2, y: 0) == 3)
        #expect(buffer.text(row: 0) == "  abc")
    }

    @Test func putTruncatesWithEllipsisWithinMaxWidth() {
        var buffer = CellBuffer(width: 10, height: 1)
        #expect(buffer.put("abcdefgh", x: 0, y: 0, maxWidth: 5, ellipsis: true) == 5)
        #expect(buffer.text(row: 0) == "abcd…     ")
    }

    @Test func textThatFitsGetsNoEllipsis() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.put("abcde", x: 0, y: 0, ellipsis: true) == 5)
        #expect(buffer.text(row: 0) == "abcde")
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("中文", x: 0, y: 0) == 4)
        #expect(buffer.cell(atX: 1, y: 0).isContinuation)
        #expect(buffer.cell(atX: 3, y: 0).isContinuation)
        #expect(buffer.text(row: 0) == "中文  ")
    }

    @Test func wideCharacterStraddlingTheEdgeBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.fill(buffer.bounds, style: .plain, character: "x")
        #expect(buffer.put("ab中", x: 2, y: 0) == 3)
        #expect(buffer.text(row: 0) == "xxab ")
    }

    @Test func wideCharacterTruncatedWithEllipsis() {
        var buffer = CellBuffer(width: 8, height: 1)
        #expect(buffer.put("日本語です", x: 0, y: 0, maxWidth: 6, ellipsis: true) == 5)
        #expect(buffer.text(row: 0) == "日本…   ")
    }

    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中", x: 0, y: 0)
        buffer.put("a", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " a  ")
        #expect(!buffer.cell(atX: 1, y: 0).isContinuation)
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中", x: 1, y: 0)
        buffer.put("a", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " a  ")
        #expect(!buffer.cell(atX: 2, y: 0).isContinuation)
    }

    @Test func wideOverWideAtAnOffsetLeavesNoOrphanHalves() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("日", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " 日   ")
    }

    @Test func combiningAccentStaysInOneCell() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.put("Cafe\u{0301}!", x: 0, y: 0) == 5)
        #expect(buffer.cell(atX: 3, y: 0).character == "e\u{0301}")
        #expect(buffer.cell(atX: 4, y: 0).character == "!")
    }

    @Test func tugrikTakesOneCell() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("₮ 100", x: 0, y: 0) == 5)
        #expect(buffer.text(row: 0) == "₮ 100 ")
    }

    @Test func controlCharactersAreWrittenAsSpaces() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(buffer.text(row: 0) == "a [2Jb  ")
    }

    @Test func stylesPatchWhatIsUnderneath() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.fill(buffer.bounds, style: Style(bg: .blue))
        buffer.put("ab", x: 0, y: 0, style: Style(fg: .red, bold: true))
        #expect(buffer.style(atX: 0, y: 0) == Style(fg: .red, bg: .blue, bold: true))
        #expect(buffer.style(atX: 3, y: 0) == Style(bg: .blue))
    }

    @Test func putOutsideTheBufferDoesNothing() {
        var buffer = CellBuffer(width: 3, height: 1)
        #expect(buffer.put("x", x: 0, y: 1) == 0)
        #expect(buffer.put("x", x: 3, y: 0) == 0)
        #expect(buffer == CellBuffer(width: 3, height: 1))
    }

    @Test func lineSpansKeepTheirStylesAndTruncateTogether() {
        var buffer = CellBuffer(width: 10, height: 1)
        let line = Line([Span("key", style: Style(bold: true)), Span(" value text")])
        #expect(buffer.put(line, x: 0, y: 0, maxWidth: 8, ellipsis: true) == 8)
        #expect(buffer.text(row: 0) == "key val…  ")
        #expect(buffer.style(atX: 0, y: 0).bold)
        #expect(!buffer.style(atX: 4, y: 0).bold)
    }

    @Test func resizeClearsAndChangesSize() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 0)
        buffer.resize(width: 2, height: 2)
        #expect(buffer.textLines == ["  ", "  "])
    }

    @Test func equalBuffersCompareEqualSoTheAppCanSkipAFrame() {
        var first = CellBuffer(width: 4, height: 1)
        var second = CellBuffer(width: 4, height: 1)
        first.put("ab", x: 0, y: 0)
        second.put("ab", x: 0, y: 0)
        #expect(first == second)
        second.put("c", x: 3, y: 0)
        #expect(first != second)
    }
}
