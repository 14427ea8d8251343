/// One line of `pursedesk doctor`: what was checked, how it went, and how to fix it when it failed.
struct DoctorCheck: Sendable, Equatable {
    enum Outcome: String, Sendable {
        case ok, warn, fail, skip
    }

    var name: String
    var outcome: Outcome
    var detail: String
    var fix: String?

    static func ok(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, outcome: .ok, detail: detail) }
    static func skip(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, outcome: .skip, detail: detail) }
    static func warn(_ name: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(name: name, outcome: .warn, detail: detail, fix: fix)
    }
    static func fail(_ name: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(name: name, outcome: .fail, detail: detail, fix: fix)
    }

    /// `ok   credentials  user/current answered (ops@example.com)`, then `— fix: …` on failure.
    var line: String {
        let label = outcome.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
        let title = name.padding(toLength: 13, withPad: " ", startingAt: 0)
        return "\(label)\(title)\(detail)" + (fix.map { " — fix: \($0)" } ?? "")
    }
}
