import Foundation
import Testing
import TmuxDriver
@testable import TerminalUI

/// The QR overlay is rendered into a cell buffer, turned into a picture the way a terminal would
/// show it, and decoded by a real reader (`zbarimg`, Debian zbar-tools).
@Suite struct QRCodeTests {
    static let evmAddress = "0x52908400098527886E0F7030069857D2E4169EE7"
    static let bech32Address = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    static let taprootAddress = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"

    @Test(arguments: [evmAddress, bech32Address, taprootAddress], TerminalPalette.all)
    func overlayDecodesToTheExactAddress(address: String, palette: TerminalPalette) async throws {
        var buffer = CellBuffer(width: 100, height: 40)
        buffer.fill(buffer.bounds, style: palette.styles.text)
        QRCodeOverlay(title: "ETH deposit address", text: address).render(into: &buffer, area: buffer.bounds, styles: palette.styles)
        #expect(buffer.textLines.contains { $0.contains(address) })
        #expect(try await ScreenPicture(buffer: buffer, palette: palette).decodeQRCodes() == [address])
    }

    @Test func anEvmAddressFitsAnEightyByTwentyFourTerminal() async throws {
        let overlay = QRCodeOverlay(title: "address", text: Self.evmAddress)
        guard case .code(let box, let view) = overlay.layout(in: Rect(x: 0, y: 0, width: 80, height: 24)) else {
            Issue.record("no code at 80×24")
            return
        }
        #expect(view.code.errorCorrection == .medium)
        #expect(box.height <= 24 && box.width <= 80)
        var buffer = CellBuffer(width: 80, height: 24)
        overlay.render(into: &buffer, area: buffer.bounds, styles: TerminalPalette.dark.styles)
        #expect(try await ScreenPicture(buffer: buffer, palette: .dark).decodeQRCodes() == [Self.evmAddress])
    }

    @Test func aLongerAddressFallsBackToLowErrorCorrectionToFit() async throws {
        // 50 bytes need version 4 at medium error correction and version 3 at low.
        let text = "tron:TJRabPrwbZy45sbavfcjinPJC18kjpRTv8?amount=12.5"
        let overlay = QRCodeOverlay(title: "address", text: text)
        guard case .code(_, let roomy) = overlay.layout(in: Rect(x: 0, y: 0, width: 100, height: 40)),
              case .code(_, let tight) = overlay.layout(in: Rect(x: 0, y: 0, width: 80, height: 22)) else {
            Issue.record("no code")
            return
        }
        #expect(roomy.code.errorCorrection == .medium)
        #expect(tight.code.errorCorrection == .low)
        #expect(tight.height < roomy.height)
        var buffer = CellBuffer(width: 80, height: 22)
        overlay.render(into: &buffer, area: buffer.bounds, styles: TerminalPalette.light.styles)
        #expect(try await ScreenPicture(buffer: buffer, palette: .light).decodeQRCodes() == [text])
    }

    @Test func aTooSmallAreaSaysSoInsteadOfDrawingAClippedCode() async throws {
        var buffer = CellBuffer(width: 40, height: 14)
        QRCodeOverlay(title: "address", text: Self.evmAddress).render(into: &buffer, area: buffer.bounds, styles: TerminalPalette.dark.styles)
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("The window is too small for a") && text.contains("scannable QR code"))
        #expect(!text.contains("█") && !text.contains("▀") && !text.contains("▄"))
        #expect(text.replacingOccurrences(of: "│", with: "").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
            .contains(Self.evmAddress))
        #expect(try await ScreenPicture(buffer: buffer, palette: .dark).decodeQRCodes() == [])
    }

    /// The picture honours colours: the same modules drawn in the dark theme's own colours
    /// (light on dark) are inverted and do not scan, which is why the view's colours are explicit.
    @Test func modulesInTheDarkThemesOwnColoursDoNotScan() async throws {
        var buffer = CellBuffer(width: 60, height: 30)
        QRCodeView(code: try QRCode(encoding: Self.evmAddress)).render(into: &buffer, x: 2, y: 2)
        #expect(try await ScreenPicture(buffer: buffer, palette: .dark).decodeQRCodes() == [Self.evmAddress])
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer.cell(atX: x, y: y)
                buffer.replace(x: x, y: y, with: Cell(cell.character ?? " "))
            }
        }
        #expect(try await ScreenPicture(buffer: buffer, palette: .dark).decodeQRCodes() == [])
    }

    @Test func encodingRejectsWhatAQRCodeCannotHold() {
        #expect(throws: QRCode.EncodingError.empty) { try QRCode(encoding: "") }
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 4000)) { try QRCode(encoding: String(repeating: "x", count: 4000)) }
        var buffer = CellBuffer(width: 60, height: 20)
        QRCodeOverlay(title: "t", text: String(repeating: "x", count: 4000)).render(into: &buffer, area: buffer.bounds, styles: .standard)
        #expect(buffer.textLines.joined().contains("No QR code: 4000 bytes are too many for a QR code."))
    }

    @Test func symbolSizeFollowsTheVersionLibqrencodePicks() async throws {
        #expect(try QRCode(encoding: "hello").size == 21)
        #expect(try QRCode(encoding: Self.evmAddress, errorCorrection: .medium).size == 29)
        #expect(try QRCode(encoding: Self.evmAddress, errorCorrection: .high).size > 29)
    }
}

/// A terminal's colours: what the default foreground and background look like, and the widget
/// palette a theme of that kind draws with.
struct TerminalPalette: Sendable, CustomTestStringConvertible {
    var name: String
    var defaultForeground: (Int, Int, Int)
    var defaultBackground: (Int, Int, Int)
    var styles: WidgetStyles

    var testDescription: String { name }

    static let dark = TerminalPalette(
        name: "dark", defaultForeground: (229, 229, 229), defaultBackground: (0, 0, 0),
        styles: WidgetStyles(text: Style(fg: .white), border: Style(fg: .gray), title: Style(fg: .brightWhite, bold: true)))
    static let light = TerminalPalette(
        name: "light", defaultForeground: (0, 0, 0), defaultBackground: (255, 255, 255),
        styles: WidgetStyles(text: Style(fg: .black, bg: .brightWhite), border: Style(fg: .gray), title: Style(fg: .black, bold: true)))
    static let all = [dark, light]
}

/// A grey-scale picture of a cell buffer as a terminal draws it: each cell is 4 pixels wide and
/// 8 tall; half blocks colour their halves, other glyphs are drawn as a grey smudge.
struct ScreenPicture {
    static let cellWidth = 4, halfHeight = 4
    let width: Int, height: Int
    var pixels: [UInt8]

    init(buffer: CellBuffer, palette: TerminalPalette) {
        width = buffer.width * Self.cellWidth
        height = buffer.height * Self.halfHeight * 2
        pixels = Array(repeating: 0, count: width * height)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer.cell(atX: x, y: y)
                var fg = Self.luminance(cell.style.fg, default: palette.defaultForeground)
                var bg = Self.luminance(cell.style.bg, default: palette.defaultBackground)
                if cell.style.reverse { swap(&fg, &bg) }
                let (top, bottom): (UInt8, UInt8) = switch cell.character {
                case "█": (fg, fg)
                case "▀": (fg, bg)
                case "▄": (bg, fg)
                case " ", nil: (bg, bg)
                default: (UInt8((Int(fg) + Int(bg)) / 2), UInt8((Int(fg) + Int(bg)) / 2))
                }
                paint(cellX: x, cellY: y, half: 0, value: top)
                paint(cellX: x, cellY: y, half: 1, value: bottom)
            }
        }
    }

    private mutating func paint(cellX: Int, cellY: Int, half: Int, value: UInt8) {
        let top = (cellY * 2 + half) * Self.halfHeight
        for py in top..<(top + Self.halfHeight) {
            let row = py * width + cellX * Self.cellWidth
            for px in row..<(row + Self.cellWidth) { pixels[px] = value }
        }
    }

    private static func luminance(_ color: Color?, default fallback: (Int, Int, Int)) -> UInt8 {
        let (r, g, b): (Int, Int, Int) = switch color {
        case nil, .default?: fallback
        case .rgb(let r, let g, let b)?: (Int(r), Int(g), Int(b))
        case .ansi(let index)?: ColorMapper.rgb(ofIndexed: index % 16)
        case .indexed(let index)?: ColorMapper.rgb(ofIndexed: index)
        }
        return UInt8((299 * r + 587 * g + 114 * b) / 1000)
    }

    /// Every QR code `zbarimg` finds in the picture; fails the test when zbarimg is missing.
    func decodeQRCodes() async throws -> [String] {
        try await QRScanner.decode(QRScanner.Picture(width: width, height: height, pixels: pixels))
    }
}
