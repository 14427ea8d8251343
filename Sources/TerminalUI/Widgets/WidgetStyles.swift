/// The palette widgets draw with; themes in the app layer build one of these.
public struct WidgetStyles: Hashable, Sendable {
    /// Ordinary text.
    public var text: Style
    /// Secondary text: hints, placeholders, empty-state messages.
    public var muted: Style
    /// Table headers and detail labels.
    public var header: Style
    /// The selected row.
    public var selected: Style
    /// Rows marked for a bulk action.
    public var marked: Style
    /// Box borders.
    public var border: Style
    /// Box and dialog titles.
    public var title: Style
    /// Key names in help and dialogs.
    public var key: Style
    /// The header bar.
    public var headerBar: Style
    /// The status bar.
    public var statusBar: Style
    /// Informational flash messages.
    public var info: Style
    /// Warnings.
    public var warning: Style
    /// Errors, validation messages and dangerous confirmations.
    public var error: Style
    /// The cell under a text cursor.
    public var cursor: Style
    /// The characters boxes are drawn with.
    public var borders: BorderSet

    /// Creates a palette; every style defaults to the built-in one.
    public init(
        text: Style = .plain,
        muted: Style = Style(dim: true),
        header: Style = Style(bold: true),
        selected: Style = Style(reverse: true),
        marked: Style = Style(fg: .yellow, bold: true),
        border: Style = Style(fg: .gray),
        title: Style = Style(bold: true),
        key: Style = Style(fg: .cyan, bold: true),
        headerBar: Style = Style(fg: .black, bg: .cyan),
        statusBar: Style = Style(reverse: true),
        info: Style = Style(fg: .green),
        warning: Style = Style(fg: .yellow, bold: true),
        error: Style = Style(fg: .red, bold: true),
        cursor: Style = Style(reverse: true),
        borders: BorderSet = .unicode
    ) {
        self.text = text
        self.muted = muted
        self.header = header
        self.selected = selected
        self.marked = marked
        self.border = border
        self.title = title
        self.key = key
        self.headerBar = headerBar
        self.statusBar = statusBar
        self.info = info
        self.warning = warning
        self.error = error
        self.cursor = cursor
        self.borders = borders
    }

    /// The built-in palette.
    public static let standard = WidgetStyles()
}
