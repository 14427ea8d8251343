/// A horizontal stretch of changed cells that the backend must rewrite.
public struct CellRun: Hashable, Sendable {
    public var row: Int
    public var startX: Int
    public var cells: [Cell]

    /// Creates a run.
    public init(row: Int, startX: Int, cells: [Cell]) {
        self.row = row
        self.startX = startX
        self.cells = cells
    }
}

/// Finds what changed between two frames.
public enum BufferDiff {
    /// The runs of cells that differ between `previous` and `next`; every row of `next` when
    /// there is no previous frame or its size differs. A run never starts on a continuation cell.
    public static func runs(from previous: CellBuffer?, to next: CellBuffer) -> [CellRun] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            return (0..<next.height).map { CellRun(row: $0, startX: 0, cells: Array(next.cells(row: $0))) }
        }
        var runs: [CellRun] = []
        for row in 0..<next.height {
            let old = previous.cells(row: row), new = next.cells(row: row)
            guard old != new else { continue }
            let base = new.startIndex
            var x = 0
            while x < next.width {
                guard old[base + x] != new[base + x] else { x += 1; continue }
                var start = x
                if new[base + start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < next.width, old[base + end] != new[base + end] || new[base + end].isContinuation {
                    end += 1
                }
                runs.append(CellRun(row: row, startX: start, cells: Array(new[(base + start)..<(base + end)])))
                x = end
            }
        }
        return runs
    }
}
