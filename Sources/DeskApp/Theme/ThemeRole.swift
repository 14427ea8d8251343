/// The things a theme gives a style to; each is a `[section]` of a theme file.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text, muted, title, border, cursor
    case header, badge
    case tableHeader = "table_header", row, selected, marked
    case dialog, danger, key
    case keyHint = "key_hint", statusBar = "status_bar"
    case flashInfo = "flash_info", flashWarn = "flash_warn", flashError = "flash_error"
    case alert
    case connectionLive = "connection_live", connectionStale = "connection_stale", connectionError = "connection_error"
    case pursePending = "purse_pending", purseArchived = "purse_archived", purseDeclined = "purse_declined"
    case stateMempool = "state_mempool", stateCompliance = "state_compliance"
    case stateConfirmed = "state_confirmed", stateDeclined = "state_declined", credited
}
