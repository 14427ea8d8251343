import Testing
@testable import TerminalUI

/// Composes a typical full screen the way the app layer will, at several terminal sizes.
@Suite struct ScreenLayoutTests {
    static func renderDashboard(width: Int, height: Int, withDialog: Bool) -> CellBuffer {
        let backend = TestBackend(width: width, height: height)
        var buffer = CellBuffer(width: backend.size.width, height: backend.size.height)
        let styles = WidgetStyles.standard
        let bands = buffer.bounds.splitRows([.fixed(1), .flexible(min: 0), .fixed(1), .fixed(1)])
        SegmentBar(.header, left: "pursedesk", center: "Deposits", right: "sandbox ● live")
            .render(into: &buffer, area: bands[0], styles: styles)
        let panes = bands[1].splitColumns([.fraction(0.6), .flexible(min: 0)])
        let tableArea = Box(title: "Deposits").render(into: &buffer, area: panes[0], styles: styles)
        let table = TableView(columns: [
            TableColumn("Time", width: .fixed(8)),
            TableColumn("Customer", width: .flexible(min: 6)),
            TableColumn("Amount", width: .fixed(12), alignment: .right),
        ], rowCount: 500) { index in ["12:00:\(index % 60)", "customer-\(index) 日本", "\(index).00 ₮"] }
        let state = TableState().moved(.pageDown, rowCount: 500, visibleRows: table.visibleRows(in: tableArea))
        table.render(into: &buffer, area: tableArea, state: state, styles: styles)
        let detailArea = Box(title: "Customer").render(into: &buffer, area: panes[1], styles: styles)
        DetailPanel(entries: [
            DetailPanel.Entry("ID", "c_42"),
            DetailPanel.Entry("Status", Line("active", style: Style(fg: .green))),
            DetailPanel.Entry("Note", "a long note that has to wrap across several lines of the panel"),
        ]).render(into: &buffer, area: detailArea, styles: styles)
        FlashMessage("Synced 3 deposits", level: .info).render(into: &buffer, area: bands[2], styles: styles)
        SegmentBar(.status, left: "? help  / filter  : command", right: "1/500")
            .render(into: &buffer, area: bands[3], styles: styles)
        if withDialog {
            ConfirmDialog(title: "Block", message: "Block customer c_42?", keysHint: "[y] Block  [n/esc] Cancel")
                .render(into: &buffer, area: buffer.bounds, styles: styles)
        }
        backend.draw(buffer)
        return backend.lastFrame!
    }

    @Test(arguments: [(100, 30), (40, 12), (20, 10)])
    func layoutFitsEverySize(width: Int, height: Int) {
        for withDialog in [false, true] {
            let frame = Self.renderDashboard(width: width, height: height, withDialog: withDialog)
            let lines = frame.textLines
            #expect(lines.count == height)
            #expect(lines.allSatisfy { DisplayWidth.of($0) == width })
            #expect(lines[0].hasPrefix(" pu"))
            #expect(lines[height - 1].contains("1/500"))
        }
    }

    @Test func wideLayoutShowsEverything() {
        let lines = Self.renderDashboard(width: 100, height: 30, withDialog: false).textLines
        #expect(lines[0].contains("Deposits"))
        #expect(lines[0].hasSuffix("sandbox ● live "))
        #expect(lines[1].hasPrefix("┌ Deposits "))
        #expect(lines[2].contains("Time"))
        #expect(lines.contains { $0.contains("customer-25 日本") })
        #expect(lines.contains { $0.contains("25.00 ₮") })
        #expect(lines.contains { $0.contains("Status  active") })
        #expect(lines.filter { $0.contains("│") }.count >= 20)
        #expect(lines[28].hasPrefix("Synced 3 deposits"))
    }

    @Test func narrowLayoutDropsTheCenterAndTruncates() {
        let lines = Self.renderDashboard(width: 20, height: 10, withDialog: false).textLines
        #expect(!lines[0].contains("Deposits"))
        #expect(lines[0].contains("sandbox ● live"))
        #expect(lines[9].contains("…"))
    }

    @Test func dialogIsVisibleOnTopAtSmallSizes() {
        let lines = Self.renderDashboard(width: 40, height: 12, withDialog: true).textLines
        #expect(lines.contains { $0.contains("[y] Block  [n/esc] Cancel") })
        #expect(lines.contains { $0.contains("Block customer c_42?") })
    }

    @Test func testBackendReplaysKeysAndResizes() {
        let backend = TestBackend(width: 10, height: 5)
        backend.pendingKeys = [.character("j"), .enter]
        #expect(backend.readKey(timeout: .milliseconds(10)) == .character("j"))
        backend.resize(width: 20, height: 6)
        #expect(backend.readKey(timeout: nil) == .enter)
        #expect(backend.readKey(timeout: nil) == .resize)
        #expect(backend.readKey(timeout: nil) == nil)
        #expect(backend.size == TerminalSize(width: 20, height: 6))
    }
}
