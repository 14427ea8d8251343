import Foundation
import TerminalUI

/// The open block/unblock dialog: the action waiting for `y` and its optional reason.
/// While the reason field has the cursor every key is text (so `y` and `n` can be typed);
/// tab or enter leaves the field, and only then does `y` confirm.
public struct ConfirmState: Hashable, Sendable {
    public var pending: PendingAction
    public var reason = TextInputState()
    public var isEditingReason = false

    public init(_ pending: PendingAction) {
        self.pending = pending
    }

    /// The reason as it goes to the audit log: trimmed, nil when empty.
    public var givenReason: String? {
        let text = reason.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    public var keysHint: String {
        isEditingReason
            ? "typing the reason  [tab/enter] done  [esc] cancel"
            : "[y] \(pending.verb)  [n/esc] cancel  [tab] reason"
    }
}
