import Testing
@testable import TerminalUI

@Suite struct BufferDiffTests {
    @Test func identicalBuffersYieldNothing() {
        var buffer = CellBuffer(width: 20, height: 5)
        buffer.put("same", x: 3, y: 2)
        #expect(BufferDiff.runs(from: buffer, to: buffer).isEmpty)
    }

    @Test func oneChangedCellYieldsOneShortRun() {
        let before = CellBuffer(width: 20, height: 5)
        var after = before
        after.put("x", x: 7, y: 3)
        let runs = BufferDiff.runs(from: before, to: after)
        #expect(runs == [CellRun(row: 3, startX: 7, cells: [Cell("x")])])
    }

    @Test func separateChangesYieldSeparateRuns() {
        let before = CellBuffer(width: 20, height: 2)
        var after = before
        after.put("ab", x: 1, y: 0)
        after.put("cd", x: 10, y: 0)
        after.put("e", x: 0, y: 1)
        let runs = BufferDiff.runs(from: before, to: after)
        #expect(runs.map { "\($0.row):\($0.startX):\($0.cells.count)" } == ["0:1:2", "0:10:2", "1:0:1"])
    }

    @Test func styleOnlyChangesAreRuns() {
        var before = CellBuffer(width: 5, height: 1)
        before.put("abc", x: 0, y: 0)
        var after = before
        after.applyStyle(Style(reverse: true), to: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(BufferDiff.runs(from: before, to: after).map(\.startX) == [1])
    }

    @Test func wideCharacterRunIncludesItsContinuation() {
        let before = CellBuffer(width: 6, height: 1)
        var after = before
        after.put("中", x: 2, y: 0)
        let runs = BufferDiff.runs(from: before, to: after)
        #expect(runs.count == 1)
        #expect(runs[0].startX == 2)
        #expect(runs[0].cells.count == 2)
        #expect(runs[0].cells[1].isContinuation)
    }

    @Test func noPreviousFrameOrNewSizeRedrawsEveryRow() {
        let next = CellBuffer(width: 4, height: 3)
        #expect(BufferDiff.runs(from: nil, to: next).count == 3)
        #expect(BufferDiff.runs(from: CellBuffer(width: 5, height: 3), to: next).map(\.cells.count) == [4, 4, 4])
    }
}
