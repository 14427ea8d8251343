import Testing
@testable import TerminalUI

@Suite struct TableViewTests {
    final class CallCounter {
        var requested: [Int] = []
    }

    private let columns = [
        TableColumn("ID", width: .fixed(6)),
        TableColumn("Name", width: .flexible(min: 4)),
        TableColumn("Amount", width: .fixed(8), alignment: .right),
    ]

    @Test func onlyVisibleRowsAreRequestedFromTheProvider() {
        let counter = CallCounter()
        let table = TableView(columns: columns, rowCount: 100_000) { index in
            counter.requested.append(index)
            return ["\(index)", "row \(index)", "1.00"]
        }
        var buffer = CellBuffer(width: 40, height: 12)
        let state = TableState().selecting(50_000, rowCount: 100_000, visibleRows: table.visibleRows(in: buffer.bounds))
        table.render(into: &buffer, area: buffer.bounds, state: state, styles: .standard)
        #expect(counter.requested.count == 11)
        #expect(counter.requested == Array(49_990...50_000))
        #expect(buffer.text(row: 11).hasPrefix("50000  row 50000"))
    }

    @Test func rendersHeaderAlignedCellsAndSortIndicator() {
        let rows = [["a1", "Alice", "12.50"], ["b2", "Bob", "7.00"]]
        let table = TableView(columns: columns, rowCount: rows.count) { rows[$0] }
        var buffer = CellBuffer(width: 30, height: 4)
        let state = TableState(sort: TableSort(column: 2, direction: .descending))
        table.render(into: &buffer, area: buffer.bounds, state: state, styles: .standard)
        #expect(buffer.textLines == [
            "ID     Name           Amount ▼",
            "a1     Alice             12.50",
            "b2     Bob                7.00",
            "                              ",
        ])
    }

    @Test func selectedRowIsHighlightedAcrossTheWholeWidth() {
        let table = TableView(columns: columns, rowCount: 3) { ["\($0)", "n", "1"] }
        var buffer = CellBuffer(width: 30, height: 4)
        let state = TableState().selecting(1, rowCount: 3, visibleRows: 3)
        table.render(into: &buffer, area: buffer.bounds, state: state, styles: .standard)
        #expect(buffer.style(atX: 29, y: 2).reverse)
        #expect(buffer.style(atX: 0, y: 2).reverse)
        #expect(!buffer.style(atX: 0, y: 1).reverse)
        #expect(!buffer.style(atX: 0, y: 3).reverse)
    }

    @Test func longCellsAreTruncatedWithEllipsis() {
        let table = TableView(columns: [TableColumn("Name", width: .fixed(6))], rowCount: 1) { _ in ["Bartholomew"] }
        var buffer = CellBuffer(width: 10, height: 2)
        table.render(into: &buffer, area: buffer.bounds, state: TableState(), styles: .standard)
        #expect(buffer.text(row: 1) == "Barth…    ")
    }

    @Test func markedRowsShowAGutterMarkAndStyle() {
        let table = TableView(columns: [TableColumn("N", width: .flexible(min: 1))], rowCount: 3, showsMarks: true) { ["r\($0)"] }
        var buffer = CellBuffer(width: 8, height: 4)
        let state = TableState(selection: SelectionState(selected: 0), marked: [2])
        table.render(into: &buffer, area: buffer.bounds, state: state, styles: .standard)
        #expect(buffer.text(row: 3) == "● r2    ")
        #expect(buffer.text(row: 2) == "  r1    ")
        #expect(buffer.style(atX: 2, y: 3) == WidgetStyles.standard.marked)
    }

    @Test func rowAndCellStylesApply() {
        let table = TableView(
            columns: columns, rowCount: 2,
            rowStyle: { $0 == 1 ? Style(fg: .red) : nil },
            cellStyle: { _, column in column == 2 ? Style(bold: true) : nil }
        ) { ["\($0)", "x", "9"] }
        var buffer = CellBuffer(width: 30, height: 3)
        table.render(into: &buffer, area: buffer.bounds, state: TableState(), styles: .standard)
        #expect(buffer.style(atX: 0, y: 2).fg == .red)
        #expect(buffer.style(atX: 29, y: 2).bold)
        #expect(!buffer.style(atX: 0, y: 1).bold)
    }

    @Test func emptyTableShowsItsMessage() {
        let table = TableView(columns: columns, rowCount: 0, emptyMessage: "No deposits") { _ in [] }
        var buffer = CellBuffer(width: 21, height: 3)
        table.render(into: &buffer, area: buffer.bounds, state: TableState(), styles: .standard)
        #expect(buffer.text(row: 1) == "     No deposits     ")
    }

    @Test func staleOffsetIsClampedWhenDrawing() {
        let counter = CallCounter()
        let table = TableView(columns: columns, rowCount: 5) { counter.requested.append($0); return ["\($0)", "", ""] }
        var buffer = CellBuffer(width: 30, height: 4)
        let state = TableState(selection: SelectionState(selected: 40, offset: 38))
        table.render(into: &buffer, area: buffer.bounds, state: state, styles: .standard)
        #expect(counter.requested == [2, 3, 4])
    }
}
