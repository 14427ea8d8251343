import Testing
@testable import TerminalUI

@Suite struct OverlayTests {
    @Test func confirmDialogShowsTitleMessageAndKeysInACenteredBox() {
        var buffer = CellBuffer(width: 60, height: 12)
        let dialog = ConfirmDialog(
            title: "Block customer", message: "Block customer c_42? Deposits will be declined.",
            keysHint: "[y] Block  [n/esc] Cancel", isDangerous: true)
        dialog.render(into: &buffer, area: buffer.bounds, styles: .standard)
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("[y] Block  [n/esc] Cancel"))
        #expect(text.contains("Block customer c_42?"))
        let box = dialog.frame(in: buffer.bounds)
        #expect(box.x > 0 && box.maxX < 60)
        #expect(buffer.cell(atX: box.x, y: box.y).character == "┌")
        #expect(buffer.cell(atX: box.maxX - 1, y: box.maxY - 1).character == "┘")
        #expect(buffer.text(row: box.y).contains(" Block customer "))
        #expect(buffer.style(atX: box.x, y: box.y) == WidgetStyles.standard.error)
    }

    @Test func asciiBordersReplaceBoxDrawing() {
        var buffer = CellBuffer(width: 12, height: 4)
        var styles = WidgetStyles.standard
        styles.borders = .ascii
        Box(title: "T").render(into: &buffer, area: buffer.bounds, styles: styles)
        #expect(buffer.textLines == ["+ T -------+", "|          |", "|          |", "+----------+"])
    }

    @Test func boxTitleSitsInTheTopEdge() {
        var buffer = CellBuffer(width: 12, height: 3)
        let inner = Box(title: "Help").render(into: &buffer, area: buffer.bounds, styles: .standard)
        #expect(buffer.textLines == ["┌ Help ────┐", "│          │", "└──────────┘"])
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    private let help = HelpOverlay(sections: [
        HelpSection(title: "Navigation", entries: [
            HelpEntry(key: "j/down", description: "Next row"),
            HelpEntry(key: "k/up", description: "Previous row"),
        ]),
        HelpSection(title: "Actions", entries: [
            HelpEntry(key: "b", description: "Block customer"),
            HelpEntry(key: "ctrl-r", description: "Refresh now"),
        ]),
    ])

    @Test func helpOverlayRendersEveryRowWithAlignedKeys() {
        var buffer = CellBuffer(width: 60, height: 20)
        help.render(into: &buffer, area: buffer.bounds, styles: .standard)
        let lines = buffer.textLines
        let row = lines.first { $0.contains("Block customer") }
        #expect(row?.contains("b       Block customer") == true)
        #expect(lines.contains { $0.contains("ctrl-r  Refresh now") })
        #expect(lines.contains { $0.contains("Navigation") })
        #expect(lines.contains { $0.contains("Actions") })
    }

    @Test func helpOverlayScrollsWhenTooTall() {
        var buffer = CellBuffer(width: 40, height: 5)
        var overlay = help
        #expect(overlay.maxOffset(in: buffer.bounds) == 4)
        overlay.offset = 100
        overlay.render(into: &buffer, area: buffer.bounds, styles: .standard)
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("Refresh now"))
        #expect(!text.contains("Next row"))
        #expect(text.contains("5-7/7"))
    }

    @Test func helpOverlayWrapsLongDescriptionsUnderTheirKey() {
        let overlay = HelpOverlay(sections: [HelpSection(title: "Filter", entries: [
            HelpEntry(key: "/", description: "filter: text matches id or email; email:ann and blocked:yes narrow by field; terms combine"),
        ])])
        var buffer = CellBuffer(width: 40, height: 10)
        overlay.render(into: &buffer, area: buffer.bounds, styles: .standard)
        let text = buffer.textLines.joined(separator: "\n")
        #expect(!text.contains("…"), "\(text)")
        for word in ["filter:", "email:ann", "blocked:yes", "combine"] { #expect(text.contains(word), "\(word) in\n\(text)") }
        #expect(overlay.frame(in: buffer.bounds).height > 4)
    }

    @Test func formRendersFieldsErrorsAndHint() {
        var state = FormState(title: "Issue address", fields: [
            FormField(label: "Customer", validator: { $0.isEmpty ? "required" : nil }),
            FormField(label: "Currency", value: "USDT"),
        ])
        state.validate()
        var buffer = CellBuffer(width: 50, height: 12)
        Form(state: state).render(into: &buffer, area: buffer.bounds, styles: .standard)
        let lines = buffer.textLines
        #expect(lines.contains { $0.contains("Issue address") })
        #expect(lines.contains { $0.contains("Currency  USDT") })
        let customer = lines.firstIndex { $0.contains("Customer") }
        #expect(customer.map { lines[$0 + 1].contains("required") } == true)
        #expect(lines.contains { $0.contains("[enter] Save") })
    }

    @Test func pickerShowsFilterAndMatches() {
        var state = PickerState(options: ["Tron", "Ethereum", "Bitcoin"])
        state.apply(.character("t"), visibleRows: 5)
        state.apply(.character("r"), visibleRows: 5)
        var buffer = CellBuffer(width: 40, height: 10)
        Picker(title: "Blockchain", state: state).render(into: &buffer, area: buffer.bounds, styles: .standard)
        let text = buffer.textLines.joined(separator: "\n")
        #expect(text.contains("/ tr"))
        #expect(text.contains("Tron"))
        #expect(!text.contains("Bitcoin"))
    }

    @Test func textInputKeepsTheCursorVisible() {
        var buffer = CellBuffer(width: 10, height: 1)
        let input = TextInput(prompt: ":", state: TextInputState(text: "customer 12345"))
        input.render(into: &buffer, area: buffer.bounds, styles: .standard)
        #expect(buffer.text(row: 0) == ":er 12345 ")
        #expect(buffer.style(atX: 9, y: 0).reverse)
    }

    @Test func textInputShowsPlaceholderWhenEmpty() {
        var buffer = CellBuffer(width: 12, height: 1)
        TextInput(prompt: "/", state: TextInputState(), placeholder: "filter")
            .render(into: &buffer, area: buffer.bounds, styles: .standard)
        #expect(buffer.text(row: 0) == "/filter     ")
        #expect(buffer.style(atX: 2, y: 0).dim)
        #expect(buffer.style(atX: 1, y: 0).reverse)
    }

    @Test func secretInputIsMasked() {
        var buffer = CellBuffer(width: 8, height: 1)
        TextInput(state: TextInputState(text: "abc"), isSecret: true, isFocused: false)
            .render(into: &buffer, area: buffer.bounds, styles: .standard)
        #expect(buffer.text(row: 0) == "•••     ")
    }
}
