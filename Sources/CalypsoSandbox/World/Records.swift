import CalypsoAPI
import Foundation

struct CustomerRecord: Sendable {
    var customer: Customer
    /// The EVM address new purses on EVM chains share, until one of its purses is retired.
    var sharedEVMAddress: String?
    /// Purse ids in issue order.
    var purseIds: [String] = []
    /// Positions in the world's transaction list, ascending.
    var transactionPositions: [Int] = []
}

struct PurseRecord: Sendable {
    var id: String
    var customerId: String
    var blockchain: String
    var address: String
    /// The currency of the `address/get` call that issued it.
    var currency: Currency
    var status: PurseStatus
    var createdDate: Date
    var lastDepositDate: Date?

    /// 30 days after issue without a confirmed deposit, else 365 days after the last one.
    var expiryDate: Date {
        lastDepositDate.map { $0.addingTimeInterval(365 * 86_400) } ?? createdDate.addingTimeInterval(30 * 86_400)
    }
}

/// Where a deposit is in its walk; each step takes `TrafficSettings.stepSeconds`.
enum DepositStage: Int, Sendable {
    case memPool, compliance, decided, translated
}

struct DepositRecord: Sendable {
    var transaction: Transaction
    var stage: DepositStage
    var willDecline: Bool
    var nextStepDate: Date?
    /// The transaction's JSON as served, made on first use and dropped on every change.
    var encoded: [UInt8]?

    var isFinished: Bool { stage == .translated || (stage == .decided && willDecline) }
}
