import CalypsoAPI
import DeskModel
import TerminalUI

/// The top line (account, source, connection, refresh interval, clock) and the counts line.
enum HeaderBar {
    static func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme, header = state.header
        // As the width shrinks, whole items go: the name, the interval, the account, the clock;
        // the badges and the connection stay.
        var left = [LineItem([Span("pursedesk", style: Style(bold: true))], priority: .optional),
                    LineItem([Span(accountLabel(header))], priority: .useful)]
        if header.isSandbox {
            left.append(LineItem([Span(" SANDBOX ", style: theme[.badge])], priority: .essential))
        } else {
            left.append(LineItem([Span("@ \(header.sourceLabel)")], priority: .useful))
        }
        if let reason = state.readOnlyReason {
            left.append(LineItem([Span(" \(reason.uppercased()) ", style: theme[.badge])], priority: .essential))
        }
        let connection = Span(" \(connectionText(header.connection, team: header.team, state)) ",
                              style: connectionStyle(header.connection, team: header.team, theme))
        let right = [LineItem([connection], priority: .essential),
                     LineItem([Span("every \(Formatting.duration(header.refreshInterval))")], priority: .useful),
                     LineItem([Span(Formatting.minuteClock(state.now, timeZone: timeZone))], priority: .important)]
        // One space between items and between the sides, inside the bar's one-cell margins.
        let shown = Set(LineItem.fitting(left + right, spacing: 1, width: layout.header.width - 2))
        func line(_ items: [LineItem], from first: Int) -> Line {
            Line(Array(items.indices.filter { shown.contains(first + $0) }.map { items[$0].spans }.joined(separator: [Span(" ")])))
        }
        SegmentBar(.header, left: line(left, from: 0), right: line(right, from: left.count))
            .render(into: &buffer, area: layout.header, styles: theme.widgetStyles)
        if !layout.counts.isEmpty, let counts = header.counts {
            buffer.fill(layout.counts, style: theme[.text])
            let width = layout.counts.width - 2
            buffer.put(Line(fitting: countItems(counts, theme), separator: Span("  "), width: width), x: layout.counts.x + 1, y: layout.counts.y,
                       maxWidth: width, ellipsis: true)
        }
    }

    /// "Shop EU 0xc195…f8b", or the short account alone while the name is not known.
    static func accountLabel(_ header: HeaderData) -> String {
        let short = Formatting.shortAccount(header.account)
        guard let name = header.accountName, !name.isEmpty else { return short }
        return "\(name.count > 24 ? name.prefix(23) + "…" : name) \(short)"
    }

    /// "live", "retrying · connection refused", "stale 12s · timed out", "error: …" measured against the app clock.
    /// In team mode a following desk shows its role instead of its idle engine's state: "following",
    /// "live · polling", "following · team store: reconnecting".
    static func connectionText(_ connection: ConnectionState, team: TeamStatus? = nil, _ state: AppState) -> String {
        var text = connection.text(now: state.now)
        TextExpiry.note(changesAt: connection.textChanges(after: state.now))
        if let team { text = team.role == .polling ? "\(text) · \(team.label)" : team.label }
        // The header keeps its right side whole, so a long failure reason must not push out the rest.
        return text.count > 48 ? text.prefix(47) + "…" : text
    }

    private static func connectionStyle(_ connection: ConnectionState, team: TeamStatus?, _ theme: Theme) -> Style {
        if let team {
            if case .reconnecting = team.store { return theme[.connectionStale] }
            if team.role != .polling { return theme[.connectionLive] }
        }
        return switch connection {
        case .live: theme[.connectionLive]
        case .retrying, .stale, .connecting, .offline: theme[.connectionStale]
        case .error: theme[.connectionError]
        }
    }

    /// The labelled counts; as the width shrinks the purse statuses go first, then the pending
    /// deposits and the customer total; blocked and alerts stay.
    static func countItems(_ counts: StoreCounts, _ theme: Theme) -> [LineItem] {
        let muted = theme[.muted]
        func figure(_ label: String, _ value: Int, _ style: Style = Style(bold: true)) -> [Span] {
            [Span("\(label) ", style: muted), Span("\(value)", style: style)]
        }
        var items = [LineItem(figure("customers", counts.customers), priority: .important),
                     LineItem(figure("blocked", counts.blocked, counts.blocked > 0 ? theme[.danger] : Style(bold: true)), priority: .essential)]
        if counts.blockedUnknown > 0 { items.append(LineItem(figure("blocked?", counts.blockedUnknown, muted), priority: .important)) }
        var purses = [Span("purses: ", style: muted)]
        let statuses: [(PurseStatus, ThemeRole)] = [(.pendingPayment, .pursePending), (.archived, .purseArchived), (.declined, .purseDeclined)]
        for (index, (status, role)) in statuses.enumerated() {
            purses += [Span("\(index > 0 ? " " : "")\(status.label.lowercased()) ", style: muted),
                       Span("\(counts.pursesByStatus[status.rawValue] ?? 0)", style: theme[role])]
        }
        items.append(LineItem(purses, priority: .useful))
        items.append(LineItem(figure("pending deposits", counts.pendingDeposits, counts.pendingDeposits > 0 ? theme[.stateCompliance] : Style(bold: true)),
                              priority: .important))
        items.append(LineItem(figure("alerts", counts.unacknowledgedAlerts, counts.unacknowledgedAlerts > 0 ? theme[.alert] : Style(bold: true)),
                              priority: .essential))
        return items
    }
}
