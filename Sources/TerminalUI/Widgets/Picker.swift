/// A filterable list of options in a centred box.
public struct Picker: Sendable {
    public var title: String
    public var state: PickerState

    /// Creates a picker view.
    public init(title: String, state: PickerState) {
        self.title = title
        self.state = state
    }

    /// The box the picker occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let widest = state.options.map(DisplayWidth.of).max() ?? 0
        let width = min(max(widest, DisplayWidth.of(title) + 2, 20) + 4, area.width)
        return area.centered(width: width, height: min(state.options.count + 4, area.height))
    }

    /// How many options fit in the list (the page size for moves).
    public func visibleRows(in area: Rect) -> Int {
        max(0, frame(in: area).height - 3)
    }

    /// Draws the picker.
    public func render(into buffer: inout CellBuffer, area: Rect, styles: WidgetStyles) {
        let inner = Box(title: title).render(into: &buffer, area: frame(in: area), styles: styles)
        guard !inner.isEmpty else { return }
        TextInput(prompt: "/ ", state: state.filter, placeholder: "type to filter")
            .render(into: &buffer, area: inner.row(0), styles: styles)
        let listArea = inner.inset(top: 1)
        guard !state.matches.isEmpty else {
            buffer.put("No match", x: listArea.x, y: listArea.y, style: styles.muted, maxWidth: listArea.width)
            return
        }
        ListView(items: state.matches.map { Line(state.options[$0]) })
            .render(into: &buffer, area: listArea, state: state.selection, styles: styles)
    }
}
