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
        let handledEnter = input.apply(.enter)
        let handledEscape = input.apply(.escape)
        #expect(!handledEnter && !handledEscape)
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
        let handledCharacter = form.apply(.character("7"))
        let handledTab = form.apply(.tab)
        #expect(handledCharacter && handledTab)
        #expect(form.focused == 1)
        form.apply(.backTab)
        #expect(form.focused == 0)
        let handledEnter = form.apply(.enter)
        #expect(!handledEnter)
        #expect(form.values == ["7", "USDT"])
    }

    @Test func validateCollectsErrorsAndEditingClearsThem() {
        var form = paymentForm()
        let firstCheck = form.validate()
        #expect(!firstCheck)
        #expect(form.errors == [0: "required"])
        form.insert("x")
        #expect(form.errors.isEmpty)
        form.nextField()
        for character in "XYZ" { form.insert(character) }
        #expect(form.errors.isEmpty, "errors only appear on validate")
        let secondCheck = form.validate()
        #expect(!secondCheck)
        #expect(form.errors == [1: "too long"])
        form.backspace()
        form.backspace()
        let thirdCheck = form.validate()
        #expect(thirdCheck)
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
        let handledEnter = picker.apply(.enter, visibleRows: 5)
        #expect(!handledEnter)
    }
}
