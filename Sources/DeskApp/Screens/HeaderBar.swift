import CalypsoAPI
import DeskModel
import TerminalUI

/// The top line (account, source, connection, refresh interval, clock) and the counts line.
enum HeaderBar {
    static func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme, header = state.header
        // Narrow terminals keep the badges, the connection and the clock; the account goes first.
        let narrow = layout.header.width < 72
        var left: [Span] = narrow ? [] : [Span("pursedesk ", style: Style(bold: true)), Span(accountLabel(header))]
        if header.isSandbox {
            left += [Span(narrow ? "" : " "), Span(" SANDBOX ", style: theme[.badge])]
        } else if !narrow {
            left.append(Span(" @ \(header.sourceLabel)"))
        }
        if let reason = state.readOnlyReason {
            left += [Span(" "), Span(" \(reason.uppercased()) ", style: theme[.badge])]
        }
        let connection = Span(" \(connectionText(header.connection, team: header.team, state)) ",
                              style: connectionStyle(header.connection, team: header.team, theme))
        let interval = narrow ? "" : " every \(Formatting.duration(header.refreshInterval))"
        let right = Line([connection, Span("\(interval) \(Formatting.minuteClock(state.now, timeZone: timeZone))")])
        SegmentBar(.header, left: Line(left), right: right).render(into: &buffer, area: layout.header, styles: theme.widgetStyles)
        if !layout.counts.isEmpty, let counts = header.counts {
            buffer.fill(layout.counts, style: theme[.text])
            buffer.put(countsLine(counts, theme), x: layout.counts.x + 1, y: layout.counts.y, maxWidth: layout.counts.width - 2, ellipsis: true)
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

    private static func countsLine(_ counts: StoreCounts, _ theme: Theme) -> Line {
        let muted = theme[.muted]
        func figure(_ label: String, _ value: Int, _ style: Style = Style(bold: true)) -> [Span] {
            [Span("\(label) ", style: muted), Span("\(value)", style: style), Span("  ")]
        }
        var spans = figure("customers", counts.customers) + figure("blocked", counts.blocked, counts.blocked > 0 ? theme[.danger] : Style(bold: true))
        if counts.blockedUnknown > 0 { spans += figure("blocked?", counts.blockedUnknown, muted) }
        spans.append(Span("purses: ", style: muted))
        let statuses: [(PurseStatus, ThemeRole)] = [(.pendingPayment, .pursePending), (.archived, .purseArchived), (.declined, .purseDeclined)]
        for (status, role) in statuses {
            spans += [Span("\(status.label.lowercased()) ", style: muted), Span("\(counts.pursesByStatus[status.rawValue] ?? 0)", style: theme[role]),
                      Span(" ")]
        }
        spans.append(Span(" "))
        spans += figure("pending deposits", counts.pendingDeposits, counts.pendingDeposits > 0 ? theme[.stateCompliance] : Style(bold: true))
        spans += figure("alerts", counts.unacknowledgedAlerts, counts.unacknowledgedAlerts > 0 ? theme[.alert] : Style(bold: true))
        return Line(spans)
    }
}
