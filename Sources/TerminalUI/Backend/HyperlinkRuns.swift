/// A stretch of cells on one row that the backend writes again itself, inside an OSC 8 link, or
/// outside any link to take away one the terminal still shows there.
public struct HyperlinkRun: Hashable, Sendable {
    public var row: Int
    public var startX: Int
    /// Starts on a grapheme, never on a continuation cell.
    public var cells: [Cell]
    /// nil: the cells link nowhere (any more).
    public var link: Hyperlink?

    /// Creates a run.
    public init(row: Int, startX: Int, cells: [Cell], link: Hyperlink?) {
        self.row = row
        self.startX = startX
        self.cells = cells
        self.link = link
    }
}

/// ncurses knows nothing of hyperlinks and skips cells whose text and colours did not change, so
/// after it has drawn a frame the backend rewrites the changed cells that link somewhere, and
/// those whose link went away.
public enum HyperlinkRuns {
    /// The parts of `changes` (the frame diff) to rewrite; `previous` is what the terminal shows,
    /// nil after a clear. The bottom-right cell is never included: writing it scrolls some terminals.
    public static func runs(in changes: [CellRun], previous: CellBuffer?, size: TerminalSize) -> [HyperlinkRun] {
        var result: [HyperlinkRun] = []
        for change in changes where change.row < size.height {
            var current: HyperlinkRun?
            func finish() {
                if let run = current { result.append(run) }
                current = nil
            }
            for (offset, cell) in change.cells.enumerated() {
                let x = change.startX + offset
                if cell.isContinuation {
                    current?.cells.append(cell)
                    continue
                }
                let isBottomRight = change.row == size.height - 1 && x + max(1, DisplayWidth.of(cell.character ?? " ")) >= size.width
                let shownLink = previous?.cell(atX: x, y: change.row).style.link
                guard x < size.width, !isBottomRight, cell.style.link != nil || shownLink != nil else {
                    finish()
                    continue
                }
                if let run = current, run.link == cell.style.link {
                    current?.cells.append(cell)
                } else {
                    finish()
                    current = HyperlinkRun(row: change.row, startX: x, cells: [cell], link: cell.style.link)
                }
            }
            finish()
        }
        return result
    }
}
