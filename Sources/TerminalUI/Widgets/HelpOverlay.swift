/// One key and what it does.
public struct HelpEntry: Hashable, Sendable {
    public var key: String
    public var description: String

    /// Creates an entry.
    public init(key: String, description: String) {
        self.key = key
        self.description = description
    }
}

/// A titled group of help entries.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    /// Creates a section.
    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// A scrollable list of keys and their descriptions in a centred box.
public struct HelpOverlay: Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// Lines scrolled past at the top; clamped when drawing.
    public var offset: Int

    /// Creates an overlay.
    public init(title: String = "Help", sections: [HelpSection], offset: Int = 0) {
        self.title = title
        self.sections = sections
        self.offset = offset
    }

    private enum Row {
        case heading(String), entry(HelpEntry), gap
    }

    private var rows: [Row] {
        var rows: [Row] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { rows.append(.gap) }
            if !section.title.isEmpty { rows.append(.heading(section.title)) }
            rows += section.entries.map(Row.entry)
        }
        return rows
    }

    private var keyWidth: Int {
        sections.flatMap(\.entries).map { DisplayWidth.of($0.key) }.max() ?? 0
    }

    /// The box the overlay occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let widest = sections.flatMap(\.entries).map { DisplayWidth.of($0.description) }.max() ?? 0
        return area.centered(width: min(keyWidth + widest + 7, 80), height: rows.count + 2)
    }

    /// The largest useful offset for `area` (the content height minus what fits).
    public func maxOffset(in area: Rect) -> Int {
        max(0, rows.count - max(0, frame(in: area).height - 2))
    }

    /// Draws the overlay.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let box = frame(in: area)
        let inner = Box(title: title).render(into: &buffer, area: box, styles: styles)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        let all = rows
        let start = min(max(0, offset), maxOffset(in: area))
        let keyColumn = min(keyWidth, content.width / 2)
        for (line, row) in all[start...].prefix(content.height).enumerated() {
            let y = content.y + line
            switch row {
            case .heading(let heading):
                buffer.put(heading, x: content.x, y: y, style: styles.title, maxWidth: content.width, ellipsis: true)
            case .entry(let entry):
                buffer.put(entry.key, x: content.x, y: y, style: styles.key, maxWidth: keyColumn, ellipsis: true)
                let descriptionX = content.x + keyColumn + 2
                buffer.put(entry.description, x: descriptionX, y: y, style: styles.text, maxWidth: content.maxX - descriptionX, ellipsis: true)
            case .gap:
                break
            }
        }
        let position = " \(start + 1)-\(start + content.height)/\(all.count) "
        if all.count > content.height, box.width > DisplayWidth.of(position) + 2 {
            buffer.put(position, x: box.maxX - 1 - DisplayWidth.of(position), y: box.maxY - 1, style: styles.border)
        }
    }
}
