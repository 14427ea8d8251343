import Testing
@testable import TerminalUI

@Suite struct SelectionStateTests {
    let rows = 100
    let page = 10

    @Test func downScrollsOnlyWhenLeavingTheViewport() {
        var state = SelectionState()
        for _ in 0..<9 { state = state.moved(.down, rowCount: rows, visibleRows: page) }
        #expect(state == SelectionState(selected: 9, offset: 0))
        state = state.moved(.down, rowCount: rows, visibleRows: page)
        #expect(state == SelectionState(selected: 10, offset: 1))
    }

    @Test func upScrollsWhenAboveTheViewport() {
        let state = SelectionState(selected: 20, offset: 20).moved(.up, rowCount: rows, visibleRows: page)
        #expect(state == SelectionState(selected: 19, offset: 19))
    }

    @Test func movesStopAtTheEnds() {
        #expect(SelectionState().moved(.up, rowCount: rows, visibleRows: page) == SelectionState())
        let last = SelectionState(selected: 99, offset: 90)
        #expect(last.moved(.down, rowCount: rows, visibleRows: page) == last)
    }

    @Test func pageDownMovesSelectionAndViewportByAPage() {
        let state = SelectionState(selected: 3, offset: 0).moved(.pageDown, rowCount: rows, visibleRows: page)
        #expect(state == SelectionState(selected: 13, offset: 10))
        #expect(state.moved(.pageUp, rowCount: rows, visibleRows: page) == SelectionState(selected: 3, offset: 0))
    }

    @Test func pageDownNearTheEndStopsAtTheLastRow() {
        let state = SelectionState(selected: 95, offset: 90).moved(.pageDown, rowCount: rows, visibleRows: page)
        #expect(state == SelectionState(selected: 99, offset: 90))
    }

    @Test func homeAndEnd() {
        let end = SelectionState(selected: 5, offset: 0).moved(.end, rowCount: rows, visibleRows: page)
        #expect(end == SelectionState(selected: 99, offset: 90))
        #expect(end.moved(.home, rowCount: rows, visibleRows: page) == SelectionState(selected: 0, offset: 0))
    }

    @Test func shrinkingRowCountPullsSelectionBackIntoRange() {
        let state = SelectionState(selected: 50, offset: 45).clamped(rowCount: 8, visibleRows: page)
        #expect(state == SelectionState(selected: 7, offset: 0))
    }

    @Test func emptyListHasNothingToSelect() {
        #expect(SelectionState(selected: 4, offset: 2).moved(.down, rowCount: 0, visibleRows: page) == SelectionState())
    }

    @Test func selectingScrollsIntoView() {
        let state = SelectionState().selecting(42, rowCount: rows, visibleRows: page)
        #expect(state.selected == 42)
        #expect(state.visibleRange(rowCount: rows, visibleRows: page).contains(42))
    }

    @Test func tableStateMarksAndSorts() {
        var state = TableState().selecting(3, rowCount: rows, visibleRows: page)
        state = state.togglingMark()
        #expect(state.marked == [3])
        #expect(state.togglingMark().marked.isEmpty)
        state = state.sortingBy(column: 2)
        #expect(state.sort == TableSort(column: 2, direction: .ascending))
        #expect(state.sortingBy(column: 2).sort?.direction == .descending)
        #expect(state.sortingBy(column: 1).sort == TableSort(column: 1, direction: .ascending))
    }
}
