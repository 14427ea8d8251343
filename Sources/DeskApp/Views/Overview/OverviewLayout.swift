import TerminalUI

/// Where the overview's parts go. Like btop, it gives up parts as the terminal shrinks: first the
/// sparkline, then the side panes, then the less important columns (by `Column.priority`); nothing is drawn cut in half.
struct OverviewLayout: Equatable {
    enum Column: CaseIterable {
        case currency, chain, purses, inFlight, confirmedHour, volumeHour, confirmedDay, volumeDay, declineRate

        /// Currency and chain name the row (USDT on BSC is not USDT on TRON); the deposits in flight
        /// and the day's volume and decline rate are what an operator watches; the hour's figures go first.
        var priority: DisplayPriority {
            switch self {
            case .currency, .chain, .inFlight: .essential
            case .volumeDay, .declineRate: .important
            case .purses, .confirmedDay: .useful
            case .confirmedHour, .volumeHour: .optional
            }
        }
    }

    var title: Rect
    var table: Rect
    var columns: [Column]
    /// Cells of sparkline per row; 0 when it is left out.
    var sparkWidth: Int
    var feed: Rect
    var alerts: Rect

    static let sideWidth = 44
    static let minimumSpark = 12

    init(body: Rect, rowCount: Int) {
        let parts = body.splitRows([.fixed(1), .flexible(min: 0)])
        title = parts[0]
        let rest = parts[1]
        var tableArea = rest
        feed = Rect(x: rest.x, y: rest.y, width: 0, height: 0)
        alerts = feed
        let full = Self.fixedWidth(Column.allCases)
        if rest.width >= full + Self.minimumSpark + 1 + Self.sideWidth {
            // Side panes right of the table.
            tableArea = Rect(x: rest.x, y: rest.y, width: rest.width - Self.sideWidth, height: rest.height)
            let side = Rect(x: tableArea.maxX, y: rest.y, width: Self.sideWidth, height: rest.height)
            let halves = side.splitRows([.flexible(min: 0), .flexible(min: 0)])
            feed = halves[0]
            alerts = halves[1]
        } else if rest.height >= max(rowCount, 1) + 1 + 6 {
            // Panes below the table, side by side.
            let tableHeight = min(max(rowCount, 1) + 1, rest.height - 6)
            tableArea = Rect(x: rest.x, y: rest.y, width: rest.width, height: tableHeight)
            let below = Rect(x: rest.x, y: rest.y + tableHeight, width: rest.width, height: rest.height - tableHeight)
            let left = below.width / 2
            feed = Rect(x: below.x, y: below.y, width: left, height: below.height)
            alerts = Rect(x: below.x + left, y: below.y, width: below.width - left, height: below.height)
        }
        table = tableArea
        // Columns go whole, least needed first (DisplayPriority), until the rest fits.
        let all = Column.allCases
        columns = DisplayPriority.fitting(widths: all.map(Self.width), priorities: all.map(\.priority),
                                          spacing: 1, total: tableArea.width).map { all[$0] }
        let room = tableArea.width - Self.fixedWidth(columns) - 1
        sparkWidth = room >= Self.minimumSpark ? min(60, room) : 0
    }

    /// The columns' widths with one space between them.
    static func fixedWidth(_ columns: [Column]) -> Int {
        columns.reduce(0) { $0 + width($1) } + max(0, columns.count - 1)
    }

    static func width(_ column: Column) -> Int {
        switch column {
        case .currency: 10
        case .chain: 9
        case .purses: 11
        case .inFlight: 7
        case .confirmedHour: 4
        case .volumeHour: 11
        case .confirmedDay: 5
        case .volumeDay: 11
        case .declineRate: 6
        }
    }
}
