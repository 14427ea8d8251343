@testable import DeskApp
import DeskModel
import Testing

/// Reasons in the block/unblock dialogs, `N` notes, and where both show.
@Suite struct CaseNotesTests {
    @Test func tabTypeAReasonThenYesSendsItWithTheBlock() {
        var state = Fixtures.state()
        state.press("b", "tab")
        #expect(state.screenText.contains("typing the reason"))
        // y and n are text while the field has the cursor: neither confirms nor cancels.
        #expect(state.type("T-123 yn").isEmpty)
        guard case .confirm(let dialog)? = state.modal else { Issue.record("typing closed the dialog"); return }
        #expect(dialog.reason.text == "T-123 yn")
        state.press("backspace", "backspace", "backspace")
        state.press("tab")
        #expect(state.screenText.contains("[y] Block"))
        let commands = state.press("y")
        #expect(commands.contains(.block([Fixtures.customers[0].id], reason: "T-123")))
        #expect(state.modal == nil)
        #expect(state.flash?.message.text.contains("(T-123)") == true)
    }

    @Test func enterLeavesTheReasonFieldButNeverConfirms() {
        var state = Fixtures.state()
        state.press("b", "tab")
        state.type("T-9")
        #expect(state.press("enter").isEmpty)
        guard case .confirm(let dialog)? = state.modal else { Issue.record("enter closed the dialog"); return }
        #expect(!dialog.isEditingReason)
        #expect(state.press("enter").isEmpty)
        #expect(state.press("y").contains(.block([Fixtures.customers[0].id], reason: "T-9")))
    }

    @Test func blockThenYesStillBlocksWithoutAReason() {
        var state = Fixtures.state()
        #expect(state.press("b", "y").contains(.block([Fixtures.customers[0].id], reason: nil)))
        state.press("j", "u", "tab", "space", "tab")
        #expect(state.press("y").contains(.unblock([Fixtures.customers[1].id], reason: nil)))
    }

    @Test func escapeInTheReasonFieldCancels() {
        var state = Fixtures.state()
        state.press("b", "tab")
        state.type("T-1")
        #expect(state.press("esc").isEmpty)
        #expect(state.modal == nil)
        #expect(state.flash?.message.text == "block cancelled")
    }

    @Test func bulkUnblockCarriesTheReason() {
        var state = Fixtures.state()
        state.press("j", "space")
        state.press("u", "tab")
        state.type("ticket 42")
        let commands = state.press("tab", "y")
        #expect(commands.contains(.unblock([Fixtures.customers[1].id], reason: "ticket 42")))
    }

    @Test func noteOnTheListSavesThroughAddNote() {
        var state = Fixtures.state()
        state.press("N")
        guard case .note? = state.modal else { Issue.record("no note form"); return }
        #expect(state.screenText.contains("Case note on ann@example.com"))
        #expect(state.press("enter").isEmpty, "an empty note is not saved")
        state.type("  called, see T-7 ")
        let commands = state.press("enter")
        #expect(commands.contains(.addNote(customerId: Fixtures.customers[0].id, text: "called, see T-7")))
        #expect(state.modal == nil)
    }

    @Test func noteFromTheDetailAndEscapeCancels() {
        var state = Fixtures.state()
        state.press("enter")
        #expect(state.currentView == .customerDetail(Fixtures.customers[0].id))
        state.press("N")
        state.type("y")
        let commands = state.press("esc")
        #expect(!commands.contains { if case .addNote = $0 { true } else { false } })
        #expect(state.modal == nil)
        state.press("N")
        state.type("fraud check")
        #expect(state.press("enter").contains(.addNote(customerId: Fixtures.customers[0].id, text: "fraud check")))
    }

    @Test func readOnlyHasNoNoteKey() {
        var state = Fixtures.state(readOnly: true)
        #expect(state.press("N").isEmpty)
        #expect(state.modal == nil)
        #expect(state.flash?.message.text.contains("add a case note is disabled") == true)
        state.press("enter", "N")
        #expect(state.modal == nil)
    }

    @Test func detailListsNotesAndReasons() {
        var state = Fixtures.state(width: 100, height: 30)
        state.press("enter")
        var data = ScreenTests.detail()
        data.caseNotes = Self.history
        _ = update(&state, .detailLoaded(data))
        let text = state.screenText
        #expect(text.contains("Case notes 3"))
        #expect(text.contains("ann  called back, wants a refund"))
        #expect(text.contains("bob  blocked: T-123"))
        #expect(text.contains("unblocked (failed)"))
    }

    @Test func auditShowsTheReasonFirst() {
        var state = Fixtures.state(width: 120, height: 30)
        state.press(":")
        state.type("audit")
        state.press("enter")
        _ = update(&state, .auditLoaded(Self.history))
        let text = state.screenText
        #expect(text.contains("reason: T-123"))
        #expect(text.contains("called back"))
    }

    @Test func reasonIsReadFromTheAuditDetail() {
        #expect(Self.history[1].reason == "T-123")
        #expect(Self.history[0].reason == nil)
        #expect(Self.history[1].auditDetailText == "reason: T-123 · confirmed by bob")
        #expect(Self.history[2].auditDetailText == "HTTP 503")
    }

    static let history = [
        AuditRecord(id: 3, at: Fixtures.now.addingTimeInterval(-60), user: "ann", action: "customer.note", target: Fixtures.customers[0].id,
                    detail: "called back, wants a refund", result: .succeeded, finishedAt: Fixtures.now),
        AuditRecord(id: 2, at: Fixtures.now.addingTimeInterval(-3600), user: "bob", action: "customer.block", target: Fixtures.customers[0].id,
                    detail: "confirmed by bob; reason: T-123", result: .succeeded, finishedAt: Fixtures.now),
        AuditRecord(id: 1, at: Fixtures.now.addingTimeInterval(-7200), user: "bob", action: "customer.unblock", target: Fixtures.customers[0].id,
                    detail: "confirmed by bob", result: .failed, error: "HTTP 503", finishedAt: Fixtures.now),
    ]
}
