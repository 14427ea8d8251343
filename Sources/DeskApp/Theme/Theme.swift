import CalypsoAPI
import TerminalUI

/// Semantic styles for every screen, read from a theme file.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [ThemeRole: Style]
    public var borders: BorderSet

    public init(name: String, styles: [ThemeRole: Style], borders: BorderSet = .unicode) {
        self.name = name
        self.styles = styles
        self.borders = borders
    }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// The built-in default (`dark`).
    public static let standard: Theme = BuiltinThemes.theme(named: BuiltinThemes.defaultName) ?? Theme(name: "plain", styles: [:])

    /// The palette TerminalUI widgets draw with.
    public var widgetStyles: WidgetStyles {
        WidgetStyles(
            text: self[.text], muted: self[.muted], header: self[.tableHeader], selected: self[.selected],
            marked: self[.marked], border: self[.border], title: self[.title], key: self[.key],
            headerBar: self[.header], statusBar: self[.statusBar], info: self[.flashInfo], warning: self[.flashWarn],
            error: self[.flashError], cursor: self[.cursor], borders: borders)
    }

    public func style(for status: PurseStatus) -> Style {
        switch status {
        case .pendingPayment: self[.pursePending]
        case .archived: self[.purseArchived]
        case .declined: self[.purseDeclined]
        case .unknown: self[.muted]
        }
    }

    public func style(for state: TransactionState) -> Style {
        switch state {
        case .memPoolFound: self[.stateMempool]
        case .pendingComplianceCheck: self[.stateCompliance]
        case .confirmed: self[.stateConfirmed]
        case .declined: self[.stateDeclined]
        case .unknown: self[.muted]
        }
    }

    public func style(for compliance: ComplianceState) -> Style {
        switch compliance {
        case .checked: self[.stateConfirmed]
        case .decline: self[.stateDeclined]
        case .inProgress: self[.stateCompliance]
        case .unchecked, .unknown: self[.muted]
        }
    }
}
