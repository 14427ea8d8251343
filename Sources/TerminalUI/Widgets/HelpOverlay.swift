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
        case heading(String), entry(key: String, description: String), gap
    }

    /// The rows for a description column `width` wide: a description too long for it goes on
    /// under its key, broken at spaces.
    private func rows(descriptionWidth width: Int) -> [Row] {
        var rows: [Row] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { rows.append(.gap) }
            if !section.title.isEmpty { rows.append(.heading(section.title)) }
            for entry in section.entries {
                let lines = width > 0 ? TextLayout.wrap(entry.description, width: width) : [entry.description]
                for (line, text) in lines.enumerated() {
                    rows.append(.entry(key: line == 0 ? entry.key : "", description: text))
                }
            }
        }
        return rows
    }

    private var keyWidth: Int {
        sections.flatMap(\.entries).map { DisplayWidth.of($0.key) }.max() ?? 0
    }

    /// The box's width inside `area`, and its key and description columns.
    private func columns(in area: Rect) -> (box: Int, key: Int, description: Int) {
        let widest = sections.flatMap(\.entries).map { DisplayWidth.of($0.description) }.max() ?? 0
        let box = min(keyWidth + widest + 7, 80, area.width)
        let content = max(0, box - 4)
        let key = min(keyWidth, content / 2)
        return (box, key, max(0, content - key - 2))
    }

    private func rows(in area: Rect) -> [Row] { rows(descriptionWidth: columns(in: area).description) }

    /// The box the overlay occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        area.centered(width: columns(in: area).box, height: rows(in: area).count + 2)
    }

    /// The largest useful offset for `area` (the content height minus what fits).
    public func maxOffset(in area: Rect) -> Int {
        max(0, rows(in: area).count - max(0, frame(in: area).height - 2))
    }

    /// Draws the overlay.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let box = frame(in: area)
        let inner = Box(title: title).render(into: &buffer, area: box, styles: styles)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        let all = rows(in: area)
        let start = min(max(0, offset), maxOffset(in: area))
        let keyColumn = columns(in: area).key
        for (line, row) in all[start...].prefix(content.height).enumerated() {
            let y = content.y + line
            switch row {
            case .heading(let heading):
                buffer.put(heading, x: content.x, y: y, style: styles.title, maxWidth: content.width, ellipsis: true)
            case .entry(let key, let description):
                buffer.put(key, x: content.x, y: y, style: styles.key, maxWidth: keyColumn, ellipsis: true)
                let descriptionX = content.x + keyColumn + 2
                buffer.put(description, x: descriptionX, y: y, style: styles.text, maxWidth: content.maxX - descriptionX, ellipsis: true)
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
