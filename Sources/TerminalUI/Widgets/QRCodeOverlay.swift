/// A centred box showing a text (a deposit address) as a scannable QR code with the text printed
/// below it. When the area cannot hold the whole code it says so rather than draw a clipped,
/// unscannable one.
public struct QRCodeOverlay: Sendable {
    public var title: String
    /// What the code encodes, printed below it exactly.
    public var text: String
    /// The keys that close the overlay, shown in the bottom edge.
    public var keysHint: String

    /// Creates an overlay.
    public init(title: String, text: String, keysHint: String = "esc close") {
        self.title = title
        self.text = text
        self.keysHint = keysHint
    }

    /// What the overlay shows in a given area.
    public enum Layout: Hashable, Sendable {
        /// The code fits: the box and the view to draw in it.
        case code(box: Rect, view: QRCodeView)
        /// The area is smaller than the smallest scannable code needs.
        case tooSmall(needed: TerminalSize)
        case unencodable(QRCode.EncodingError)
    }

    /// Error correction levels tried in order: medium where it fits, low (smaller) otherwise.
    private static let levels: [QRCode.ErrorCorrection] = [.medium, .low]

    /// Picks the most robust code that fits `area` with its border and text.
    public func layout(in area: Rect) -> Layout {
        var smallest = TerminalSize(width: 0, height: 0)
        for level in Self.levels {
            let code: QRCode
            do { code = try QRCode(encoding: text, errorCorrection: level) } catch let error as QRCode.EncodingError {
                return .unencodable(error)
            } catch {
                return .unencodable(.failed(errno: 0))
            }
            let view = QRCodeView(code: code)
            let innerWidth = max(view.width, min(DisplayWidth.of(text), area.width - 2))
            let textLines = TextLayout.wrap(text, width: innerWidth).count
            smallest = TerminalSize(width: innerWidth + 2, height: view.height + textLines + 2)
            if smallest.width <= area.width, smallest.height <= area.height {
                return .code(box: area.centered(width: smallest.width, height: smallest.height), view: view)
            }
        }
        return .tooSmall(needed: smallest)
    }

    /// Draws the overlay centred in `area`.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        switch layout(in: area) {
        case .code(let box, let view):
            let inner = Box(title: title).render(into: &buffer, area: box, styles: styles)
            view.render(into: &buffer, x: inner.x + (inner.width - view.width) / 2, y: inner.y)
            let lines = TextLayout.wrap(text, width: inner.width)
            for (index, line) in lines.enumerated() {
                let x = inner.x + TextLayout.offset(for: .center, textWidth: DisplayWidth.of(line), slotWidth: inner.width)
                buffer.put(line, x: x, y: inner.y + view.height + index, style: styles.text)
            }
            putHint(into: &buffer, box: box, styles: styles)
        case .tooSmall(let needed):
            renderMessage(
                "The window is too small for a scannable QR code: it needs \(needed.width)×\(needed.height), "
                    + "this one is \(area.width)×\(area.height).",
                into: &buffer, area: area, styles: styles)
        case .unencodable(let error):
            renderMessage("No QR code: \(error).", into: &buffer, area: area, styles: styles)
        }
    }

    /// A box with the reason and the text itself, which is still useful read out over the phone.
    private func renderMessage(_ message: String, into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let width = min(max(DisplayWidth.of(text), 30) + 4, area.width)
        let messageLines = TextLayout.wrap(message, width: max(1, width - 4))
        let textLines = TextLayout.wrap(text, width: max(1, width - 4))
        let box = area.centered(width: width, height: messageLines.count + textLines.count + 3)
        let inner = Box(title: title).render(into: &buffer, area: box, styles: styles).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        for (index, line) in (messageLines + [""] + textLines).prefix(inner.height).enumerated() {
            let style = index < messageLines.count ? styles.warning : styles.text
            buffer.put(line, x: inner.x, y: inner.y + index, style: style, maxWidth: inner.width)
        }
        putHint(into: &buffer, box: box, styles: styles)
    }

    private func putHint(into buffer: inout CellBuffer, box: Rect, styles: WidgetStyles) {
        let hint = " \(keysHint) "
        guard !keysHint.isEmpty, box.width > DisplayWidth.of(hint) + 2 else { return }
        buffer.put(hint, x: box.maxX - 1 - DisplayWidth.of(hint), y: box.maxY - 1, style: styles.key)
    }
}
