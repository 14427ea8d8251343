import TerminalUI

/// The copy chooser: one line per value (its letter, what it is, the value) and the keys.
struct CopyChooserBox {
    var chooser: CopyChooser

    private var lines: [String] {
        let labelWidth = chooser.choices.map { DisplayWidth.of($0.label) }.max() ?? 0
        return chooser.choices.map { choice in
            "\(choice.letter)  \(choice.label)\(String(repeating: " ", count: labelWidth - DisplayWidth.of(choice.label)))  \(choice.value)"
        }
    }

    func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let widest = max(lines.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(CopyChooser.keysHint), DisplayWidth.of(chooser.title) + 2)
        let frame = area.centered(width: min(widest + 4, area.width), height: min(chooser.choices.count + 4, area.height))
        let inner = Box(title: chooser.title).render(into: &buffer, area: frame, styles: styles).inset(left: 1, right: 1)
        guard inner.height >= 1 else { return }
        let listArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 2))
        ListView(items: lines.map { Line($0) }).render(into: &buffer, area: listArea, state: SelectionState(selected: chooser.selected),
                                                       styles: styles)
        buffer.put(CopyChooser.keysHint, x: inner.x, y: inner.maxY - 1, style: styles.key, maxWidth: inner.width, ellipsis: true)
    }
}
