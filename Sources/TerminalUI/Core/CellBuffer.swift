/// A width × height grid of cells that widgets draw into and the backend flushes to the terminal.
public struct CellBuffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    private var cells: [Cell]

    /// Creates a buffer of blank cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the buffer.
    public func cell(atX x: Int, y: Int) -> Cell {
        guard bounds.contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// The style of the cell at (x, y).
    public func style(atX x: Int, y: Int) -> Style {
        cell(atX: x, y: y).style
    }

    /// The cells of one row.
    public func cells(row: Int) -> ArraySlice<Cell> {
        guard row >= 0, row < height else { return [] }
        return cells[row * width ..< (row + 1) * width]
    }

    /// The characters of one row (continuation cells contribute nothing).
    public func text(row: Int) -> String {
        String(cells(row: row).compactMap(\.character))
    }

    /// Every row as text, for tests and snapshots.
    public var textLines: [String] { (0..<height).map { text(row: $0) } }

    /// Empties the buffer and gives it a new size.
    public mutating func resize(width: Int, height: Int) {
        self = CellBuffer(width: width, height: height)
    }

    /// Blanks every cell.
    public mutating func clear() {
        for index in cells.indices { cells[index] = .blank }
    }

    /// Sets every cell of `rect` to `character` (a space by default), patching its style with
    /// `style`; the cells link to `style.link` only.
    public mutating func fill(_ rect: Rect, style: Style, character: Character = " ") {
        let area = rect.clamped(to: bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let merged = cells[y * width + x].style.patched(with: style).linkedLike(style)
                set(character, columns: 1, x: x, y: y, style: merged)
            }
        }
    }

    /// Lays `style` over the existing style of every cell in `rect`, keeping the text (and its link
    /// unless `style` has one).
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let area = rect.clamped(to: bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: style)
            }
        }
    }

    /// Writes `text` from (x, y) rightwards and returns the columns used.
    /// Stops at the buffer edge or after `maxWidth` columns; with `ellipsis`, text that does not fit
    /// ends in `…`. Styles patch what is underneath. Control characters are written as spaces so
    /// data can never smuggle escape sequences to the terminal.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: Bool = false
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var limit = width - max(0, x)
        if let maxWidth { limit = min(limit, maxWidth) }
        guard limit > 0 else { return 0 }
        let truncating = ellipsis && DisplayWidth.of(text) > limit
        let textLimit = truncating ? limit - 1 : limit
        var column = x
        for character in text {
            let sanitized: Character = character.unicodeScalars.first.map(DisplayWidth.isControl) == true ? " " : character
            let columns = DisplayWidth.of(sanitized)
            if columns == 0 { continue }
            let used = column - x
            if used + columns > textLimit {
                if !truncating && used < textLimit {
                    // A wide grapheme straddling the edge: show a space rather than half a glyph.
                    writeCell(" ", columns: 1, x: column, y: y, style: style)
                    column += 1
                }
                break
            }
            writeCell(sanitized, columns: columns, x: column, y: y, style: style)
            column += columns
        }
        if truncating {
            writeCell("…", columns: 1, x: column, y: y, style: style)
            column += 1
        }
        return column - x
    }

    /// Replaces the cell at (x, y) with a one-column `cell`, style and all (nothing is patched);
    /// for drawings whose colours must not mix with what is underneath, such as a QR code.
    public mutating func replace(x: Int, y: Int, with cell: Cell) {
        guard bounds.contains(x: x, y: y), let character = cell.character, DisplayWidth.of(character) == 1 else { return }
        set(character, columns: 1, x: x, y: y, style: cell.style)
    }

    /// Writes a line of spans from (x, y) and returns the columns used.
    @discardableResult
    public mutating func put(
        _ line: Line, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: Bool = false
    ) -> Int {
        let limit = min(maxWidth ?? Int.max, width - x)
        let needsEllipsis = ellipsis && line.width > limit
        let budget = needsEllipsis ? limit - 1 : limit
        var used = 0
        var lastStyle = style
        for span in line.spans where used < budget {
            lastStyle = style.patched(with: span.style)
            used += put(span.text, x: x + used, y: y, style: lastStyle, maxWidth: budget - used)
        }
        if needsEllipsis && limit > 0 {
            used += put("…", x: x + used, y: y, style: lastStyle)
        }
        return used
    }

    private mutating func writeCell(_ character: Character, columns: Int, x: Int, y: Int, style: Style) {
        guard x >= 0 else { return }
        // New text keeps the colours underneath but never the link: that belonged to the old text.
        let merged = cells[y * width + x].style.patched(with: style).linkedLike(style)
        set(character, columns: columns, x: x, y: y, style: merged)
    }

    /// Stores a grapheme of 1 or 2 columns, blanking halves of wide graphemes it overwrites.
    private mutating func set(_ character: Character, columns: Int, x: Int, y: Int, style: Style) {
        let row = y * width
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1].content = .grapheme(" ")
        }
        let lastColumn = x + columns - 1
        if lastColumn + 1 < width, cells[row + lastColumn + 1].isContinuation {
            cells[row + lastColumn + 1].content = .grapheme(" ")
        }
        cells[row + x] = Cell(character, style: style)
        if columns == 2, x + 1 < width {
            cells[row + x + 1] = .continuation(style: style)
        }
    }
}
