/// A virtualised table: only the rows on screen are asked of the row provider.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The cell texts of a row, one per column.
    public var row: (Int) -> [String]
    /// An optional style for a whole row (e.g. by state).
    public var rowStyle: ((Int) -> Style?)?
    /// An optional style for one cell, given row and column.
    public var cellStyle: ((Int, Int) -> Style?)?
    public var showsHeader: Bool
    /// Reserves a two-column gutter showing ● on marked rows.
    public var showsMarks: Bool
    /// Shown when there are no rows.
    public var emptyMessage: String
    public var columnSpacing: Int

    /// Creates a table.
    public init(
        columns: [TableColumn],
        rowCount: Int,
        showsHeader: Bool = true,
        showsMarks: Bool = false,
        emptyMessage: String = "No rows",
        columnSpacing: Int = 1,
        rowStyle: ((Int) -> Style?)? = nil,
        cellStyle: ((Int, Int) -> Style?)? = nil,
        row: @escaping (Int) -> [String]
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.showsHeader = showsHeader
        self.showsMarks = showsMarks
        self.emptyMessage = emptyMessage
        self.columnSpacing = columnSpacing
        self.rowStyle = rowStyle
        self.cellStyle = cellStyle
        self.row = row
    }

    private static let markGutterWidth = 2

    /// How many data rows fit in `area` (the page size for selection moves).
    public func visibleRows(in area: Rect) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// Where one shown column goes: the index of its declaration, its x and width.
    public struct ColumnFrame: Hashable, Sendable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    /// The columns shown inside `area`, each with its x and width. When not all fit, the least
    /// important are left out whole (`TableColumn.priority`); the sorted column is kept.
    public func columnFrames(in area: Rect, sortedColumn: Int? = nil) -> [ColumnFrame] {
        let gutter = showsMarks ? Self.markGutterWidth : 0
        let total = area.width - gutter
        let shown = TableColumn.fitting(columns, total: total, spacing: columnSpacing, keep: sortedColumn)
        var x = area.x + gutter
        let widths = SizeSpec.resolve(shown.map { columns[$0].layoutWidth }, total: total, spacing: columnSpacing)
        return zip(shown, widths).map { column, width in
            defer { x += width + columnSpacing }
            return ColumnFrame(column: column, x: x, width: width)
        }
    }

    /// Draws the header and the visible rows for `state`.
    public func render(into buffer: inout CellBuffer, area: Rect, state: TableState, styles: WidgetStyles) {
        let area = area.clamped(to: buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: styles.text)
        let frames = columnFrames(in: area, sortedColumn: state.sort?.column)
        var top = area.y
        if showsHeader {
            renderHeader(into: &buffer, frames: frames, area: area.row(0), state: state, styles: styles)
            top += 1
        }
        let visible = visibleRows(in: area)
        guard rowCount > 0 else {
            if visible > 0 {
                let x = area.x + TextLayout.offset(for: .center, textWidth: DisplayWidth.of(emptyMessage), slotWidth: area.width)
                buffer.put(emptyMessage, x: x, y: top, style: styles.muted, maxWidth: area.maxX - x, ellipsis: true)
            }
            return
        }
        let selection = state.selection.clamped(rowCount: rowCount, visibleRows: visible)
        for (line, index) in selection.visibleRange(rowCount: rowCount, visibleRows: visible).enumerated() {
            let rowArea = Rect(x: area.x, y: top + line, width: area.width, height: 1)
            renderRow(index, into: &buffer, area: rowArea, frames: frames, state: state, styles: styles)
            if index == selection.selected { buffer.applyStyle(styles.selected, to: rowArea) }
        }
    }

    private func renderHeader(
        into buffer: inout CellBuffer, frames: [ColumnFrame], area: Rect,
        state: TableState, styles: WidgetStyles
    ) {
        buffer.fill(area, style: styles.header)
        for frame in frames {
            let column = columns[frame.column]
            var title = column.title
            if let sort = state.sort, sort.column == frame.column {
                let marker = " " + sort.direction.indicator
                title += marker
                if frame.width <= DisplayWidth.of(marker) {
                    title = sort.direction.indicator
                } else if DisplayWidth.of(title) > frame.width {
                    // Too narrow: the title is cut, never the ▲/▼.
                    let room = frame.width - DisplayWidth.of(marker)
                    buffer.put(column.title, x: frame.x, y: area.y, style: styles.header, maxWidth: room, ellipsis: true)
                    buffer.put(marker, x: frame.x + room, y: area.y, style: styles.header)
                    continue
                }
            }
            put(title, in: frame, alignment: column.alignment, y: area.y, style: styles.header, buffer: &buffer)
        }
    }

    private func renderRow(
        _ index: Int, into buffer: inout CellBuffer, area: Rect, frames: [ColumnFrame],
        state: TableState, styles: WidgetStyles
    ) {
        let isMarked = state.marked.contains(index)
        var base = rowStyle?(index) ?? .plain
        if isMarked { base = base.patched(with: styles.marked) }
        buffer.fill(area, style: base)
        if showsMarks && isMarked { buffer.put("●", x: area.x, y: area.y, style: base) }
        let texts = row(index)
        for frame in frames where frame.column < texts.count {
            let style = base.patched(with: cellStyle?(index, frame.column) ?? .plain)
            put(texts[frame.column], in: frame, alignment: columns[frame.column].alignment, y: area.y, style: style, buffer: &buffer)
        }
    }

    private func put(
        _ text: String, in frame: ColumnFrame, alignment: Alignment, y: Int, style: Style,
        buffer: inout CellBuffer
    ) {
        guard frame.width > 0 else { return }
        let shift = TextLayout.offset(for: alignment, textWidth: DisplayWidth.of(text), slotWidth: frame.width)
        buffer.put(text, x: frame.x + shift, y: y, style: style, maxWidth: frame.width - shift, ellipsis: true)
    }
}
