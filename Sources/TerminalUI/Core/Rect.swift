/// A rectangle of cells; never has negative width or height.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle, clamping negative sizes to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell at (`px`, `py`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given margins (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The part of this rectangle that lies inside `bounds`.
    public func clamped(to bounds: Rect) -> Rect {
        let left = max(x, bounds.x), top = max(y, bounds.y)
        let right = min(maxX, bounds.maxX), bottom = min(maxY, bounds.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// A rectangle of at most the given size centred inside this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `index` rows below the top.
    public func row(_ index: Int) -> Rect {
        Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Splits top to bottom into bands sized by `sizes`.
    public func splitRows(_ sizes: [SizeSpec], spacing: Int = 0) -> [Rect] {
        var top = y
        return SizeSpec.resolve(sizes, total: height, spacing: spacing).map { h in
            defer { top += h + spacing }
            return Rect(x: x, y: top, width: width, height: h)
        }
    }

    /// Splits left to right into columns sized by `sizes`.
    public func splitColumns(_ sizes: [SizeSpec], spacing: Int = 0) -> [Rect] {
        var left = x
        return SizeSpec.resolve(sizes, total: width, spacing: spacing).map { w in
            defer { left += w + spacing }
            return Rect(x: left, y: y, width: w, height: height)
        }
    }
}
