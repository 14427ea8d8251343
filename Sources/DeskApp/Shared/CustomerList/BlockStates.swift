import DeskModel

/// Each listed customer's blocked state, as two bitmaps (blocked, unknown) for filters and scopes.
struct BlockStates {
    private var blocked: Bitmap
    private var unknown: Bitmap

    init(_ list: [CustomerSummary]) {
        blocked = Bitmap(list.indices.filter { list[$0].blockState == .blocked }, count: list.count)
        unknown = Bitmap(list.indices.filter { list[$0].blockState == .unknown }, count: list.count)
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
