import TerminalUI

/// Where each part of the screen goes for a terminal size. The reducer uses it for page sizes,
/// the screens for drawing, so both agree on how many rows are visible.
public struct ScreenLayout: Hashable, Sendable {
    public var header: Rect
    /// The counts line under the header bar; empty on short terminals.
    public var counts: Rect
    public var body: Rect
    public var status: Rect

    public init(size: TerminalSize) {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let countsHeight = size.height >= 16 ? 1 : 0
        let parts = full.splitRows([.fixed(1), .fixed(countsHeight), .flexible(min: 0), .fixed(1)])
        header = parts[0]
        counts = parts[1]
        body = parts[2]
        status = parts[3]
    }

    /// A view's title line and the table under it.
    public var titledTable: (title: Rect, table: Rect) {
        let parts = body.splitRows([.fixed(1), .flexible(min: 0)])
        return (parts[0], parts[1])
    }

    /// Data rows a titled table shows (its header row excluded).
    public var tableRows: Int { max(1, titledTable.table.height - 1) }

    /// The customer detail: title, info line, purses table, transactions title and table, and at the
    /// bottom the newest case notes (title and up to three lines) when there are any and room for them.
    public func detail(purseCount: Int, caseNoteCount: Int = 0)
        -> (title: Rect, info: Rect, purses: Rect, transactionsTitle: Rect, transactions: Rect, caseNotes: Rect) {
        let infoHeight = body.height >= 14 ? 1 : 0
        let notesHeight = caseNoteCount > 0 && body.height >= 14 ? min(caseNoteCount, 3) + 1 : 0
        let room = max(0, body.height - 2 - infoHeight - notesHeight)
        let purseHeight = min(max(purseCount, 1) + 1, max(2, room / 2))
        let parts = body.splitRows([.fixed(1), .fixed(infoHeight), .fixed(purseHeight), .fixed(1), .flexible(min: 0), .fixed(notesHeight)])
        return (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
    }

    public func detailRows(purseCount: Int, caseNoteCount: Int = 0, pane: DetailPane) -> Int {
        let parts = detail(purseCount: purseCount, caseNoteCount: caseNoteCount)
        return max(1, (pane == .purses ? parts.purses.height : parts.transactions.height) - 1)
    }
}
