import Testing
@testable import TerminalUI

@Suite struct TextEditingTests {
    @Test func insertBackspaceAndCursorMoves() {
        var input = TextInputState(text: "acd")
        input.moveLeft()
        input.moveLeft()
        input.insert("b")
        #expect(input.text == "abcd")
        #expect(input.cursor == 2)
        input.backspace()
        #expect(input.text == "acd")
        input.moveHome()
        input.backspace()
        #expect(input.text == "acd")
        input.deleteForward()
        #expect(input.text == "cd")
        input.moveEnd()
        input.deleteForward()
        #expect(input.text == "cd")
    }

    @Test func applyHandlesEditingKeysOnly() {
        var input = TextInputState()
        for key in [Key.character("h"), .character("i"), .control("a"), .character(">")] { input.apply(key) }
        #expect(input.text == ">hi")
        #expect(!input.apply(.enter))
        #expect(!input.apply(.escape))
        input.apply(.end)
        input.apply(.control("u"))
        #expect(input.text.isEmpty)
    }

    @Test func editingWorksOnGraphemesNotScalars() {
        var input = TextInputState(text: "cafe\u{0301}")
        input.backspace()
        #expect(input.text == "caf")
    }

    private func paymentForm() -> FormState {
        FormState(title: "New address", fields: [
            FormField(label: "Customer", validator: { $0.isEmpty ? "required" : nil }),
            FormField(label: "Currency", value: "USDT", validator: { $0.count > 5 ? "too long" : nil }),
        ])
    }

    @Test func formEditsTheFocusedFieldAndCyclesFocus() {
        var form = paymentForm()
        form.insert("4")
        form.insert("2")
        form.nextField()
        form.backspace()
        #expect(form.values == ["42", "USD"])
        form.nextField()
        #expect(form.focused == 0)
        form.previousField()
        #expect(form.focused == 1)
        #expect(form.value(of: "Currency") == "USD")
    }

    @Test func formApplyRoutesNavigationAndEditing() {
        var form = paymentForm()
        #expect(form.apply(.character("7")))
        #expect(form.apply(.tab))
        #expect(form.focused == 1)
        #expect(form.apply(.backTab))
        #expect(form.focused == 0)
        #expect(!form.apply(.enter))
        #expect(form.values == ["7", "USDT"])
    }

    @Test func validateCollectsErrorsAndEditingClearsThem() {
        var form = paymentForm()
        #expect(!form.validate())
        #expect(form.errors == [0: "required"])
        form.insert("x")
        #expect(form.errors.isEmpty)
        form.nextField()
        for character in "XYZ" { form.insert(character) }
        #expect(form.errors.isEmpty, "errors only appear on validate")
        #expect(!form.validate())
        #expect(form.errors == [1: "too long"])
        form.backspace()
        form.backspace()
        #expect(form.validate())
    }

    @Test func pickerFiltersCaseInsensitivelyAndResetsSelection() {
        var picker = PickerState(options: ["USDT", "USDC", "BTC", "ETH"])
        picker.apply(.down, visibleRows: 5)
        #expect(picker.selectedOption == 1)
        picker.apply(.character("u"), visibleRows: 5)
        #expect(picker.matches == [0, 1])
        #expect(picker.selectedOption == 0)
        picker.apply(.character("x"), visibleRows: 5)
        #expect(picker.selectedOption == nil)
        picker.apply(.backspace, visibleRows: 5)
        picker.apply(.end, visibleRows: 5)
        #expect(picker.selectedOption == 1)
        #expect(!picker.apply(.enter, visibleRows: 5))
    }
}
