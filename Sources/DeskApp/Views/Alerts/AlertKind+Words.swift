import DeskModel

extension AlertKind {
    /// The kind as the screens say it ("funds for blocked customer"); the filter also takes `rawValue`.
    var words: String {
        switch self {
        case .complianceDeclined: "compliance declined"
        case .fundsForBlockedCustomer: "funds for blocked customer"
        case .purseDeclined: "purse declined"
        case .syncFailing: "sync failing"
        }
    }
}

extension AlertRecord {
    /// What the alert is about: a deposit, a purse (`purse:ID`) or the sync (`sync:TIME`).
    enum Subject: Equatable {
        case deposit(String)
        case purse
        case other
    }

    var subject: Subject {
        guard let transactionId, !transactionId.isEmpty else { return .other }
        if !transactionId.contains(":") { return .deposit(transactionId) }
        return transactionId.hasPrefix("purse:") ? .purse : .other
    }
}
