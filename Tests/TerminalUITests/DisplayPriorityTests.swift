import Testing
@testable import TerminalUI

/// Parts left out whole when the width runs short: tables, header items, key hints.
@Suite struct DisplayPriorityTests {
    @Test func leastImportantGoFirstAndRightmostFirstAmongEquals() {
        let priorities: [DisplayPriority] = [.useful, .essential, .optional, .useful, .essential]
        let widths = [4, 10, 6, 4, 8]
        // All: 32 + 4 gaps = 36.
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 36) == [0, 1, 2, 3, 4])
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 35) == [0, 1, 3, 4])
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 28) == [0, 1, 4])
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 23) == [1, 4])
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 18) == [1])
        #expect(DisplayPriority.fitting(widths: widths, priorities: priorities, spacing: 1, total: 3) == [1], "at least one part stays")
    }

    private static let columns = [
        TableColumn("ID", width: .fixed(8), priority: .useful),
        TableColumn("EMAIL", width: .flexible(min: 12, weight: 2), priority: .essential),
        TableColumn("NOTE", width: .flexible(min: 10), priority: .optional),
        TableColumn("STATE", width: .fixed(7), priority: .essential),
    ]
    private static let row = ["00000001", "ann@example.com", "called twice", "BLOCKED"]

    private func render(width: Int, sort: TableSort? = nil) -> [String] {
        let table = TableView(columns: Self.columns, rowCount: 1) { _ in Self.row }
        var buffer = CellBuffer(width: width, height: 2)
        table.render(into: &buffer, area: buffer.bounds, state: TableState(sort: sort), styles: .standard)
        return buffer.textLines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    @Test func tableLeavesOutWholeColumnsLeastImportantFirst() {
        #expect(render(width: 40) == ["ID       EMAIL        NOTE       STATE", "00000001 ann@example… called tw… BLOCKED"])
        // 39 cannot hold all four at their minimums (8+12+10+7+3): NOTE goes whole, EMAIL gets the room.
        #expect(render(width: 39) == ["ID       EMAIL                  STATE", "00000001 ann@example.com        BLOCKED"])
        #expect(render(width: 29) == ["ID       EMAIL        STATE", "00000001 ann@example… BLOCKED"])
        #expect(render(width: 28) == ["EMAIL                STATE", "ann@example.com      BLOCKED"])
    }

    @Test func flexibleColumnIsNeverNarrowerThanItsTitle() {
        let table = TableView(columns: [TableColumn("EXTERNAL ID", width: .flexible(min: 4)), TableColumn("X", width: .fixed(1))],
                              rowCount: 0) { _ in [] }
        #expect(table.columnFrames(in: Rect(x: 0, y: 0, width: 13, height: 1)).map(\.width) == [11, 1])
        #expect(table.columnFrames(in: Rect(x: 0, y: 0, width: 12, height: 1)).map(\.column) == [0])
    }

    @Test func sortedColumnIsKeptAndItsMarkerNeverCut() {
        // Sorted by NOTE: it outranks ID now, so ID goes instead.
        #expect(render(width: 39, sort: TableSort(column: 2, direction: .ascending))
            == ["EMAIL             NOTE ▲        STATE", "ann@example.com   called twice  BLOCKED"])
        // STATE is 7 wide: "STATE ▼" just fits; a narrower fixed column cuts its title, not the marker.
        #expect(render(width: 40, sort: TableSort(column: 3, direction: .descending))[0].hasSuffix("STATE ▼"))
        let narrow = TableView(columns: [TableColumn("BLOCKED", width: .fixed(7))], rowCount: 0) { _ in [] }
        var buffer = CellBuffer(width: 7, height: 1)
        narrow.render(into: &buffer, area: buffer.bounds, state: TableState(sort: TableSort(column: 0, direction: .ascending)), styles: .standard)
        #expect(buffer.text(row: 0) == "BLOC… ▲")
    }

    @Test func lineKeepsWholeItemsAndDropsTheLeastImportant() {
        let items = [LineItem(["customers 5"], priority: .important), LineItem(["blocked 1"], priority: .essential),
                     LineItem(["purses: active 17 archived 0"], priority: .useful), LineItem(["alerts 2"], priority: .essential)]
        #expect(Line(fitting: items, separator: "  ", width: 62).plainText == "customers 5  blocked 1  purses: active 17 archived 0  alerts 2")
        #expect(Line(fitting: items, separator: "  ", width: 61).plainText == "customers 5  blocked 1  alerts 2")
        #expect(Line(fitting: items, separator: "  ", width: 31).plainText == "blocked 1  alerts 2")
        for width in 1...70 {
            let text = Line(fitting: items, separator: "  ", width: width).plainText
            let whole = text.components(separatedBy: "  ").allSatisfy { part in items.contains { Line($0.spans).plainText == part } }
            #expect(whole, "\(width): \(text)")
        }
    }
}
