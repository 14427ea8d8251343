import Foundation

/// Reads QR codes out of a grey-scale picture with `zbarimg` (Debian zbar-tools), for tests that
/// check a code drawn on screen scans.
public enum QRScanner {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Pixels row by row, 0 black to 255 white.
    public struct Picture: Sendable {
        public var width: Int
        public var height: Int
        public var pixels: [UInt8]

        public init(width: Int, height: Int, pixels: [UInt8]) {
            self.width = width
            self.height = height
            self.pixels = pixels
        }

        /// Binary PGM (P5): a header and one byte per pixel.
        public var pgm: Data {
            var data = Data("P5\n\(width) \(height)\n255\n".utf8)
            data.append(contentsOf: pixels)
            return data
        }
    }

    /// Every QR code `zbarimg` finds; throws when zbarimg is missing or fails.
    public static func decode(_ picture: Picture) async throws -> [String] {
        let candidates = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"]
        guard let zbarimg = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "zbarimg is not installed: scripts/ensure-deps installs it (Debian zbar-tools)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pursedesk-qr-\(UUID().uuidString).pgm")
        try picture.pgm.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()
        let data = await output.fileHandleForReading.readAll()
        await exit.wait()
        // zbarimg exits 4 when it found nothing.
        guard process.terminationStatus == 0 || process.terminationStatus == 4 else {
            throw Failure(description: "zbarimg failed with exit status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A picture of screen text as captured without colours, for a code drawn dark on light with
    /// half blocks: each cell is 4 pixels wide and 8 tall, `█▀▄` dark where they are inked, every
    /// other character light.
    public static func picture(ofScreenText text: String) -> Picture {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let columns = lines.map(\.count).max() ?? 0
        let (cellWidth, halfHeight) = (4, 4)
        let width = columns * cellWidth, height = lines.count * 2 * halfHeight
        var pixels = [UInt8](repeating: 255, count: width * height)
        for (row, line) in lines.enumerated() {
            for (column, character) in line.enumerated() {
                let (top, bottom) = switch character {
                case "█": (true, true)
                case "▀": (true, false)
                case "▄": (false, true)
                default: (false, false)
                }
                for (half, dark) in [(0, top), (1, bottom)] where dark {
                    for y in ((row * 2 + half) * halfHeight)..<((row * 2 + half + 1) * halfHeight) {
                        for x in (column * cellWidth)..<((column + 1) * cellWidth) { pixels[y * width + x] = 0 }
                    }
                }
            }
        }
        return Picture(width: width, height: height, pixels: pixels)
    }
}
