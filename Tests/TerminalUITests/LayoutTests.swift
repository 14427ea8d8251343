import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    @Test func fixedFractionAndFlexibleShareTheTotal() {
        let sizes = SizeSpec.resolve([.fixed(10), .fraction(0.25), .flexible(min: 5)], total: 100)
        #expect(sizes == [10, 25, 65])
    }

    @Test func flexibleSlotsSplitTheRemainderByWeight() {
        #expect(SizeSpec.resolve([.flexible(min: 0, weight: 1), .flexible(min: 0, weight: 3)], total: 40) == [10, 30])
    }

    @Test func spacingIsTakenBeforeSharing() {
        #expect(SizeSpec.resolve([.flexible(min: 1), .flexible(min: 1)], total: 11, spacing: 1) == [5, 5])
    }

    @Test func laterSlotsShrinkFirstWhenSpaceRunsOut() {
        #expect(SizeSpec.resolve([.fixed(8), .fixed(8), .flexible(min: 4)], total: 10) == [8, 2, 0])
    }

    @Test func splitRowsStacksBands() {
        let rows = Rect(x: 0, y: 0, width: 80, height: 24).splitRows([.fixed(1), .flexible(min: 1), .fixed(1)])
        #expect(rows.map(\.y) == [0, 1, 23])
        #expect(rows.map(\.height) == [1, 22, 1])
    }

    @Test func splitColumnsPlacesColumnsWithSpacing() {
        let columns = Rect(x: 2, y: 0, width: 21, height: 1).splitColumns([.fixed(10), .flexible(min: 0)], spacing: 1)
        #expect(columns.map(\.x) == [2, 13])
        #expect(columns.map(\.width) == [10, 10])
    }

    @Test func insetAndClampNeverGoNegative() {
        let rect = Rect(x: 0, y: 0, width: 3, height: 3)
        #expect(rect.inset(by: 2).isEmpty)
        #expect(Rect(x: 5, y: 5, width: 10, height: 10).clamped(to: rect).isEmpty)
        #expect(Rect(x: 1, y: 1, width: 10, height: 1).clamped(to: rect) == Rect(x: 1, y: 1, width: 2, height: 1))
    }

    @Test func centeredFitsInside() {
        let outer = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(outer.centered(width: 10, height: 4) == Rect(x: 5, y: 3, width: 10, height: 4))
        #expect(outer.centered(width: 50, height: 50) == outer)
    }

    @Test func wrapBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextLayout.wrap("block this customer now", width: 10) == ["block this", "customer", "now"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("a\nb", width: 4) == ["a", "b"])
    }
}
