/// Maps `Color`s to ncurses colour numbers for a terminal with a given number of colours.
public struct ColorMapper: Hashable, Sendable {
    /// The terminal's `COLORS`; 0 means no colour at all.
    public var colorCount: Int

    /// Creates a mapper.
    public init(colorCount: Int) {
        self.colorCount = colorCount
    }

    /// Whether the terminal takes 24-bit colour numbers (direct-colour terminfo).
    public var isDirectColor: Bool { colorCount >= 1 << 24 }

    /// The colour number for `color`, or -1 for the terminal default.
    public func number(for color: Color) -> Int32 {
        guard colorCount >= 8 else { return -1 }
        switch color {
        case .default:
            return -1
        case .ansi(let index):
            return basic(Int(index) % 16)
        case .indexed(let index) where index < 16:
            return basic(Int(index))
        case .indexed(let index):
            if colorCount >= 256 { return Int32(index) }
            let (r, g, b) = Self.rgb(ofIndexed: index)
            return nearestBasic(r, g, b)
        case .rgb(let r, let g, let b):
            if isDirectColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            if colorCount >= 256 { return Self.nearestIndexed(r, g, b) }
            return nearestBasic(r, g, b)
        }
    }

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The xterm-256 entry closest to an RGB colour (6×6×6 cube or the grey ramp).
    public static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        func nearestLevel(_ value: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) }!
        }
        let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (average - 3) / 10))
        let grey = 8 + greyIndex * 10
        let target = (Int(r), Int(g), Int(b))
        if distance(target, (grey, grey, grey)) < distance(target, cube) { return Int32(232 + greyIndex) }
        return Int32(16 + 36 * ri + 6 * gi + bi)
    }

    /// The RGB value xterm shows for a 256-palette entry.
    public static func rgb(ofIndexed index: UInt8) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return basicPalette[Int(index)]
        case 16..<232:
            let n = Int(index) - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + (Int(index) - 232) * 10
            return (level, level, level)
        }
    }

    private static let basicPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private func basic(_ index: Int) -> Int32 {
        Int32(colorCount >= 16 ? index : index % 8)
    }

    private func nearestBasic(_ r: some BinaryInteger, _ g: some BinaryInteger, _ b: some BinaryInteger) -> Int32 {
        let target = (Int(r), Int(g), Int(b))
        let candidates = colorCount >= 16 ? 16 : 8
        let best = (0..<candidates).min { Self.distance(target, Self.basicPalette[$0]) < Self.distance(target, Self.basicPalette[$1]) }!
        return Int32(best)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
