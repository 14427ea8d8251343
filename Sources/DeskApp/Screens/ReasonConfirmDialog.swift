import TerminalUI

/// The block/unblock dialog: the question, the optional reason field, and the answer keys.
struct ReasonConfirmDialog {
    var title: String
    var message: String
    var dialog: ConfirmState

    static let label = "Reason "
    static let placeholder = "optional, e.g. a ticket number"

    func frame(in area: Rect) -> Rect {
        let hint = dialog.keysHint
        let textWidth = max(DisplayWidth.of(title) + 2, DisplayWidth.of(hint), min(DisplayWidth.of(message), 56),
                            DisplayWidth.of(Self.label + Self.placeholder) + 1)
        let width = min(textWidth + 4, area.width)
        let lines = TextLayout.wrap(message, width: max(1, width - 4)).count
        // Border, message, blank, reason, blank, keys, border.
        return area.centered(width: width, height: lines + 6)
    }

    func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let inner = Box(title: title, borderStyle: styles.error).render(into: &buffer, area: frame(in: area), styles: styles)
        let content = inner.inset(left: 1, right: 1)
        guard content.height >= 2 else { return }
        let reasonY = content.maxY - 3
        let messageLines = TextLayout.wrap(message, width: content.width)
        for (index, line) in messageLines.prefix(max(0, reasonY - 1 - content.y)).enumerated() {
            buffer.put(line, x: content.x, y: content.y + index, style: styles.text, maxWidth: content.width)
        }
        if reasonY >= content.y {
            let editing = dialog.isEditingReason
            let labelWidth = buffer.put(Self.label, x: content.x, y: reasonY, style: editing ? styles.title : styles.header,
                                        maxWidth: content.width)
            TextInput(state: dialog.reason, placeholder: editing ? "" : Self.placeholder, isFocused: editing)
                .render(into: &buffer, area: Rect(x: content.x + labelWidth, y: reasonY, width: content.width - labelWidth, height: 1),
                        styles: styles, style: styles.text.patched(with: Style(underline: true)))
        }
        let hint = dialog.keysHint
        let keysX = content.x + TextLayout.offset(for: .center, textWidth: DisplayWidth.of(hint), slotWidth: content.width)
        buffer.put(hint, x: keysX, y: content.maxY - 1, style: styles.key, maxWidth: content.maxX - keysX, ellipsis: true)
    }
}
