import DeskModel

/// Each listed customer's blocked state, as two bitmaps (blocked, unknown) for filters and scopes.
struct BlockStates {
    private var blocked: Bitmap
    private var unknown: Bitmap

    init(_ table: CustomerTable) {
        blocked = Bitmap(count: table.count, filled: false)
        unknown = Bitmap(count: table.count, filled: false)
        for index in 0..<table.count {
            switch table.blockState(of: index) {
            case .blocked: blocked[index] = true
            case .unknown: unknown[index] = true
            case .notBlocked: break
            }
        }
    }

    subscript(index: Int) -> BlockState {
        get { blocked[index] ? .blocked : unknown[index] ? .unknown : .notBlocked }
        set {
            blocked[index] = newValue == .blocked
            unknown[index] = newValue == .unknown
        }
    }

    mutating func append(_ state: BlockState) {
        blocked.append(state == .blocked)
        unknown.append(state == .unknown)
    }
}
