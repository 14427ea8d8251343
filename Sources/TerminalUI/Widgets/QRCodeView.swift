/// Draws a QR code with half blocks: one column and half a row per module, so modules come out
/// about square in a terminal font, with the 4-module quiet zone readers need around the symbol.
///
/// The colours are explicit (black on white) rather than the theme's: a code drawn light on
/// dark, as a dark theme would, is inverted, and most readers cannot decode that.
public struct QRCodeView: Hashable, Sendable {
    public static let quietZone = 4
    public static let darkModule = Color.rgb(0, 0, 0)
    public static let lightModule = Color.rgb(255, 255, 255)
    public static let moduleStyle = Style(fg: darkModule, bg: lightModule)

    public var code: QRCode

    /// Creates a view of `code`.
    public init(code: QRCode) {
        self.code = code
    }

    /// Modules per side including the quiet zone.
    public var modules: Int { code.size + 2 * Self.quietZone }
    /// Columns the view takes.
    public var width: Int { modules }
    /// Rows the view takes (two modules per row).
    public var height: Int { (modules + 1) / 2 }

    /// Draws the code with its top-left corner (quiet zone included) at (x, y); the caller makes
    /// sure `width` × `height` cells fit, since a clipped code cannot be scanned.
    public func render(into buffer: inout CellBuffer, x: Int, y: Int) {
        let zone = Self.quietZone
        for row in 0..<height {
            for column in 0..<width {
                let top = code.isDark(x: column - zone, y: 2 * row - zone)
                let bottom = code.isDark(x: column - zone, y: 2 * row + 1 - zone)
                let block: Character = switch (top, bottom) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
                buffer.replace(x: x + column, y: y + row, with: Cell(block, style: Self.moduleStyle))
            }
        }
    }
}
