import DeskModel

/// Reading the case history out of audit rows: notes, and blocks and unblocks with their reasons.
extension AuditRecord {
    static let noteAction = "customer.note"
    static let reasonMarker = "; reason: "

    /// A note, block or unblock: what the customer detail lists as case notes.
    var isCaseNote: Bool { [Self.noteAction, "customer.block", "customer.unblock"].contains(action) }

    /// The reason given with a block or unblock ("confirmed by ann; reason: T-123" → "T-123").
    var reason: String? {
        guard action != Self.noteAction, let detail, let marker = detail.range(of: Self.reasonMarker) else { return nil }
        return String(detail[marker.upperBound...])
    }

    /// The case note line: the note itself, or what was done and why.
    var caseNoteText: String {
        var text: String
        switch action {
        case Self.noteAction: text = detail ?? ""
        case "customer.block": text = "blocked" + (reason.map { ": \($0)" } ?? "")
        case "customer.unblock": text = "unblocked" + (reason.map { ": \($0)" } ?? "")
        default: text = action
        }
        switch result {
        case .succeeded: break
        case .failed: text += " (failed)"
        case .pending: text += " (pending)"
        }
        return text
    }

    /// The audit log's DETAIL cell: the reason first so a narrow column still shows it, then the
    /// error of a failed action or the rest of the detail.
    var auditDetailText: String {
        guard let reason, let detail, let marker = detail.range(of: Self.reasonMarker) else {
            return error ?? [detail, outcome].compactMap { $0 }.joined(separator: "; ")
        }
        return "reason: \(reason) · " + (error ?? String(detail[..<marker.lowerBound]))
    }
}
