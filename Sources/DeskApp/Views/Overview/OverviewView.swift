import DeskModel
import Foundation
import TerminalUI

extension ViewID {
    static let overview = ViewID("overview")
}

/// The home view: per currency and chain, purses per status, deposits in flight, confirmed
/// deposits of the last hour and day, the decline rate and a sparkline, with the feed's tail and
/// the unacknowledged alerts beside or below.
struct OverviewView: DeskView {
    var figures: OverviewFigures? {
        didSet { prepared = figures.map { $0.rows.map(PreparedRow.init) } ?? [] }
    }
    /// The rows' texts and sparkline values, made once per read instead of once per frame.
    private(set) var prepared: [PreparedRow] = []
    var table = TableState()
    /// Something changed since the figures were read.
    private var stale = false

    var id: ViewID { .overview }

    /// Figures older than this are read again even when nothing changed (the hour moves on).
    static let maximumAge: TimeInterval = 10

    static let registration = ViewRegistration(
        name: "overview", heading: "Overview", commands: ["overview", "ov", "home"], summary: "purses and deposits per currency and chain",
        keys: [ViewKey(.open, "the live feed filtered to that currency")],
        hints: [.open, .command, .refresh, .help, .quit], make: { OverviewView() })

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadOverview] }

    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] {
        guard action == .open, let row = figures?.rows[safe: table.selected] else { return [] }
        shell.push(FeedView(filter: "currency:\(row.currency.lowercased())"))
        return []
    }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .overviewLoaded(let loaded):
            figures = loaded
            stale = false
            table.selection = table.selection.clamped(rowCount: loaded.rows.count, visibleRows: shell.layout.tableRows)
        case .modelEvents, .actionFinished:
            stale = true
        case .tick(let now) where shell.currentView == id:
            let age = figures.map { now.timeIntervalSince($0.at) } ?? .infinity
            if stale || age >= Self.maximumAge {
                stale = false
                return [.loadOverview]
            }
        default:
            break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: figures?.rows.count ?? 0, visibleRows: shell.layout.tableRows)
    }

    func copyText(_ shell: AppState) -> String? { figures?.rows[safe: table.selected]?.currency }
}

/// An overview row as drawn.
struct PreparedRow: Sendable {
    var texts: [OverviewLayout.Column: String]
    var minuteVolumes: [Double]
    var inFlight: Bool
    var declines: Bool

    init(_ row: OverviewRow) {
        texts = Dictionary(uniqueKeysWithValues: OverviewLayout.Column.allCases.map { ($0, OverviewView.text(row, $0)) })
        minuteVolumes = row.minuteVolumes.map { NSDecimalNumber(decimal: $0).doubleValue }
        inFlight = row.mempool + row.compliance > 0
        declines = (row.declineRate ?? 0) > 0
    }
}
