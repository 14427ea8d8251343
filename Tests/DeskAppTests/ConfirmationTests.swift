@testable import DeskApp
import Testing

/// Dangerous actions run only after an explicit `y`.
@Suite struct ConfirmationTests {
    @Test func blockThenYesProducesABlockCommand() {
        var state = Fixtures.state()
        #expect(state.press("b").isEmpty)
        guard case .confirm(let dialog)? = state.modal, case .block(let ids) = dialog.pending else { Issue.record("no confirm dialog"); return }
        #expect(ids == [Fixtures.customers[0].id])
        let commands = state.press("y")
        #expect(commands.contains(.block([Fixtures.customers[0].id], reason: nil)))
        #expect(state.modal == nil)
    }

    @Test func enterNeverConfirmsAndKeepsTheDialogOpen() {
        var state = Fixtures.state()
        state.press("b")
        let commands = state.press("enter")
        #expect(!commands.contains { if case .block = $0 { true } else { false } })
        guard case .confirm? = state.modal else { Issue.record("the dialog closed on enter"); return }
        #expect(state.flash?.message.text.contains("press y") == true)
    }

    @Test func noAndEscapeCancel() {
        for answer in ["n", "esc"] {
            var state = Fixtures.state()
            state.press("b")
            let commands = state.press(answer)
            #expect(!commands.contains { if case .block = $0 { true } else { false } })
            #expect(state.modal == nil)
        }
    }

    @Test func otherKeysAreIgnoredWhileTheDialogIsOpen() {
        var state = Fixtures.state()
        state.press("b")
        let commands = state.press("j", "q", "u", "space")
        #expect(commands.isEmpty)
        guard case .confirm(let dialog)? = state.modal, case .block = dialog.pending else { Issue.record("dialog gone"); return }
        #expect(state.topTable.selected == 0)
    }

    @Test func unblockAsksForABlockedCustomer() {
        var state = Fixtures.state()
        state.press("j")
        state.press("u")
        guard case .confirm(let dialog)? = state.modal, case .unblock(let ids) = dialog.pending else { Issue.record("no unblock dialog"); return }
        #expect(ids == [Fixtures.customers[1].id])
        #expect(state.press("y").contains(.unblock([Fixtures.customers[1].id], reason: nil)))
    }

    @Test func blockingABlockedCustomerSaysSo() {
        var state = Fixtures.state()
        state.press("j", "b")
        #expect(state.modal == nil)
        #expect(state.flash?.message.text == "already blocked")
    }

    @Test func marksMakeABulkBlockOfTheUnblockedOnes() {
        var state = Fixtures.state()
        state.press("space", "space", "space")
        #expect(state.customerMarks.count == 3)
        state.press("b")
        guard case .confirm(let dialog)? = state.modal, case .block(let ids) = dialog.pending else { Issue.record("no bulk dialog"); return }
        #expect(Set(ids) == Set([Fixtures.customers[0].id, Fixtures.customers[2].id]))
        #expect(state.screenText.contains("Block 2 customers"))
        state.press("y")
        #expect(state.customerMarks == [Fixtures.customers[1].id])
    }

    @Test func readOnlyRemovesDangerousKeys() {
        var state = Fixtures.state(readOnly: true)
        for key in ["b", "u", "n", "c", "e", "N"] {
            #expect(state.press(key).isEmpty)
            #expect(state.modal == nil)
        }
        #expect(state.flash?.message.text.contains("read-only") == true)
        state.press("?")
        let help = state.screenText
        #expect(help.contains("read-only: actions disabled"))
        #expect(!help.contains("block customer"))
        #expect(!help.contains("new deposit address"))
        #expect(!help.contains("case note on the selected customer"))
    }

    @Test func newAddressGoesThroughThePicker() {
        var state = Fixtures.state()
        state.press("n")
        guard case .picker? = state.modal else { Issue.record("no picker"); return }
        state.type("btc")
        let commands = state.press("enter")
        #expect(commands.contains(.requestAddress(customerId: Fixtures.customers[0].id, currency: "BTC")))
        #expect(state.modal == nil)
    }

    @Test func createFormValidatesTheEmail() {
        var state = Fixtures.state()
        state.press("c")
        state.type("not-an-email")
        #expect(state.press("enter").isEmpty)
        guard case .form(let form)? = state.modal else { Issue.record("form closed on invalid input"); return }
        #expect(form.state.errors[0] == "must look like name@example.com")
        for _ in 0..<12 { state.press("backspace") }
        state.type("new@example.com")
        state.press("tab")
        state.type("ext-9")
        let commands = state.press("enter")
        #expect(commands.contains(.createCustomer(CustomerDraft(email: "new@example.com", externalId: "ext-9", description: nil))))
    }

    @Test func editFormStartsWithTheCustomersValues() {
        var state = Fixtures.state()
        state.press("e")
        guard case .form(let form)? = state.modal else { Issue.record("no form"); return }
        #expect(form.state.values == ["ann@example.com", "ext-1", "Customer number 1"])
        #expect(state.press("enter").contains(.updateCustomer(id: Fixtures.customers[0].id, form.draft)))
    }

    @Test func anEmptiedFieldIsClearedAndAnUntouchedOneKept() {
        var state = Fixtures.state()
        state.press("e", "tab")
        for _ in 0..<5 { state.press("backspace") }
        #expect(state.screenText.contains("(empty: cleared on save)"))
        let commands = state.press("enter")
        #expect(commands.contains(.updateCustomer(id: Fixtures.customers[0].id,
                                                  CustomerDraft(email: "ann@example.com", externalId: "", description: "Customer number 1"))))
        #expect(state.flash?.message.text == "saving, clearing the external id…")
        state.press("c")
        #expect(state.press("enter").contains(.createCustomer(CustomerDraft(email: nil, externalId: nil, description: nil))))
    }
}
