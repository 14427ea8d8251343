import DeskModel
import TerminalUI

/// One screen of the view stack, as a component: it owns its state, handles the key actions its
/// registration lists, says what it loads, what `y` copies and how it draws. The shell (`AppState`)
/// gives it the shared data, the modal, the flash and navigation; only `update` calls these.
protocol DeskView: Sendable {
    var id: ViewID { get }

    /// Becomes the top view (pushed, or uncovered by a pop): the loads it needs.
    mutating func enter(_ shell: inout AppState) -> [AppCommand]
    /// `r`: what to load again.
    func refresh(_ shell: AppState) -> [AppCommand]
    /// One of the actions its registration lists (the shell handles moves, back, help and prompts).
    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand]
    /// Called before the shell applies `message` to the shared data (to remember what the cursor is on).
    mutating func prepare(for message: AppMessage, _ shell: AppState)
    /// Every message, after the shell applied it to the shared data.
    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand]
    /// The cursor moves; `visibleRows` comes from `pageRows`.
    mutating func move(_ move: SelectionMove, _ shell: inout AppState)
    /// `esc` before the view is left: true when it cleared something (a filter, marks) instead.
    mutating func back(_ shell: inout AppState) -> Bool
    /// The `/` filter's text; nil when the view has none.
    func filterText(_ shell: AppState) -> String?
    mutating func setFilter(_ text: String, _ shell: inout AppState)
    /// A block/unblock the operator confirmed: marks it applied to are cleared.
    mutating func confirmed(_ pending: PendingAction)

    /// What `y` copies.
    func copyText(_ shell: AppState) -> String?
    /// The values `y` offers in a chooser, when there are several; else `y` copies `copyText`.
    func copyChoices(_ shell: AppState) -> [CopyChoice]
    /// The customer that `n`, `e`, `b` and `u` apply to.
    func selectedCustomer(_ shell: AppState) -> CustomerSummary?
    /// The customers `b` and `u` apply to.
    func actionTargets(_ shell: AppState) -> [CustomerSummary]
    /// The customer the engine should keep fresh while this view is in the stack.
    var focusCustomerId: String? { get }
    /// The customer rows on screen, when the view lists customers.
    func visibleCustomerIds(_ shell: AppState) -> [String]?
    /// Help sections besides the keys (e.g. the filter syntax).
    func extraHelp(_ shell: AppState) -> [HelpSection]
    /// What the status line says before the key hints about the row under the cursor (a next step).
    func statusNote(_ shell: AppState) -> String?

    func render(_ shell: AppState, layout: ScreenLayout, into buffer: inout CellBuffer)
}

extension DeskView {
    mutating func enter(_ shell: inout AppState) -> [AppCommand] { refresh(shell) }
    func refresh(_ shell: AppState) -> [AppCommand] { [] }
    mutating func perform(_ action: KeyAction, _ shell: inout AppState) -> [AppCommand] { [] }
    mutating func prepare(for message: AppMessage, _ shell: AppState) {}
    mutating func receive(_ message: AppMessage, _ shell: inout AppState) -> [AppCommand] { [] }
    mutating func move(_ move: SelectionMove, _ shell: inout AppState) {}
    mutating func back(_ shell: inout AppState) -> Bool { false }
    func filterText(_ shell: AppState) -> String? { nil }
    mutating func setFilter(_ text: String, _ shell: inout AppState) {}
    mutating func confirmed(_ pending: PendingAction) {}
    func copyText(_ shell: AppState) -> String? { nil }
    func copyChoices(_ shell: AppState) -> [CopyChoice] { [] }
    func selectedCustomer(_ shell: AppState) -> CustomerSummary? { nil }
    func actionTargets(_ shell: AppState) -> [CustomerSummary] { selectedCustomer(shell).map { [$0] } ?? [] }
    var focusCustomerId: String? { nil }
    func visibleCustomerIds(_ shell: AppState) -> [String]? { nil }
    func extraHelp(_ shell: AppState) -> [HelpSection] { [] }
    func statusNote(_ shell: AppState) -> String? { nil }

    var registration: ViewRegistration { ViewRegistry.registration(id) }
}

/// Which view a stack entry is: its registered name and, for views of one thing, that thing's id.
public struct ViewID: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var argument: String?

    public init(_ name: String, _ argument: String? = nil) {
        self.name = name
        self.argument = argument
    }

    public var description: String { argument.map { "\(name)(\($0))" } ?? name }
}

extension TableState {
    /// Moved and kept inside `rowCount` rows, `visibleRows` on screen.
    mutating func apply(_ move: SelectionMove, rowCount: Int, visibleRows: Int) {
        self = moved(move, rowCount: rowCount, visibleRows: visibleRows)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
