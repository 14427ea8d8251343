import DeskModel
import TerminalUI

extension ViewID {
    static let audit = ViewID("audit")
}

/// Every operator action with who, what, and whether it succeeded, newest first.
struct AuditView: DeskView {
    var records: [AuditRecord] = []
    var table = TableState()

    var id: ViewID { .audit }

    static let registration = ViewRegistration(
        name: "audit", heading: "Audit log", commands: ["audit", "au"], summary: "operator audit log",
        keys: [ViewKey(.copy, "copy the action's target")],
        hints: [.back, .refresh, .help], make: { AuditView() })

    func refresh(_ shell: AppState) -> [AppCommand] { [.loadAudit] }

    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] {
        switch message {
        case .auditLoaded(let loaded):
            records = loaded
            table.selection = table.selection.clamped(rowCount: records.count, visibleRows: shell.layout.tableRows)
        case .actionFinished where shell.currentView == id:
            return [.loadAudit]
        default:
            break
        }
        return []
    }

    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {
        table.apply(move, rowCount: records.count, visibleRows: shell.layout.tableRows)
    }

    func copyText(_ shell: AppState) -> String? { records[safe: table.selected]?.target }

    func render(_ state: AppState, layout: ScreenLayout, into buffer: inout CellBuffer) {
        let timeZone = state.timeZone
        let theme = state.theme, audit = records, data = state.data
        let (titleArea, tableArea) = layout.titledTable
        ViewTitle.render([Span("Audit log "), Span("\(audit.count)", style: Style(bold: true))],
                         right: [Span("every action, newest first", style: theme[.muted])], area: titleArea, theme: theme, into: &buffer)
        TableView(
            // Narrow terminals lose the user, the result (the action keeps its colour) and the time before the detail.
            columns: [TableColumn("TIME", width: .fixed(19), priority: .important), TableColumn("USER", width: .fixed(8), priority: .useful),
                      TableColumn("ACTION", width: .fixed(16), priority: .essential), TableColumn("RESULT", width: .fixed(9), priority: .important),
                      TableColumn("TARGET", width: .flexible(min: 18), priority: .essential),
                      TableColumn("DETAIL", width: .flexible(min: 24, weight: 3), priority: .essential)],
            rowCount: audit.count, emptyMessage: "no operator actions yet",
            cellStyle: { row, column in
                guard column == 2 || column == 3 else { return nil }
                switch audit[row].result {
                case .succeeded: return column == 3 ? theme[.stateConfirmed] : nil
                case .failed: return theme[.stateDeclined]
                case .pending: return theme[.stateCompliance]
                }
            },
            row: { row in
                let record = audit[row]
                return [Formatting.dateTime(record.at, timeZone: timeZone), record.user, record.action, record.result.rawValue, Self.target(record, data),
                        record.auditDetailText]
            }
        ).render(into: &buffer, area: tableArea, state: table, styles: theme.widgetStyles)
    }

    /// The customer's email (as recorded with the action, else as known now), else the target as recorded.
    private static func target(_ record: AuditRecord, _ data: DeskData) -> String {
        record.targetEmail ?? data.customers.customer(id: record.target)?.email ?? record.target
    }
}
