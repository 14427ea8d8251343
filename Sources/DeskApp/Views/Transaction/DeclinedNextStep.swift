import CalypsoAPI
import DeskModel

extension TransactionRecord {
    /// Declined by compliance: its address takes no more deposits.
    var isDeclined: Bool { state == .declined || compliance == .decline }
}

/// What to do after a decline: the address is declined for good, and `n` asks for a new one.
enum DeclinedNextStep {
    /// For a declined deposit: "its address 0x12ab…cd34 is declined now; n issues a new ETH address".
    /// `namingAddress` false where the address is on screen next to it (the deposit view).
    static func forDeposit(_ tx: TransactionRecord, readOnly: Bool, namingAddress: Bool = true) -> String {
        let address = tx.address.flatMap { namingAddress ? "its address \(Formatting.shortAccount($0))" : nil } ?? "its address"
        return "\(address) is declined now; \(remedy(tx.currency, readOnly: readOnly))"
    }

    /// For a declined purse: "this ETH address is declined: n issues a new one".
    static func forPurse(_ purse: PurseRecord, readOnly: Bool) -> String {
        "this \(purse.currency) address is declined (a deposit failed compliance); \(remedy(purse.currency, readOnly: readOnly))"
    }

    private static func remedy(_ currency: String, readOnly: Bool) -> String {
        readOnly ? "it needs a new \(currency) address (read-only here)" : "n issues a new \(currency) address"
    }
}
