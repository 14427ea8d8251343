import CalypsoAPI
import DeskModel
import CalypsoSandbox
import Foundation
import TestScratch

/// A new directory under this test process's scratch root, which is removed when the process
/// exits (and, should it be killed, by the next run).
func temporaryDirectory(_ label: String) throws -> URL {
    let url = ScratchRoot.url.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func temporaryStore(_ label: String = "store") throws -> DeskStore {
    try DeskStore.open(dataDirectory: try temporaryDirectory(label), account: "0xtest")
}

func observation(_ id: String, customer: String? = "c1", state: TransactionState, credited: Bool = false,
                 amount: String = "1.5", blocked: Bool? = nil) -> TransactionObservation {
    let compliance: ComplianceState = switch state {
    case .memPoolFound: .unchecked
    case .pendingComplianceCheck: .inProgress
    case .declined: .decline
    default: .checked
    }
    return TransactionObservation(id: id, customerId: customer, purseId: "p1", address: "0xaddr", currency: "ETH", amount: amount,
                                  state: state, compliance: compliance, credited: credited,
                                  createdAt: Date(timeIntervalSince1970: 1_800_000_000), customerBlocked: blocked)
}

/// Waits for a condition, polling; never a fixed sleep alone.
func eventually(timeout: Duration = .seconds(20), every interval: Duration = .milliseconds(50),
                _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

extension DeskEvent {
    var kind: String {
        switch self {
        case .newDeposit: "new"
        case .stateChanged(let tx, _): "state:\(tx.state.rawValue)"
        case .credited: "credited"
        case .newAddress: "address"
        case .purseExpired: "expired"
        case .purseDeclined: "purseDeclined"
        case .customerAdded: "customerAdded"
        case .customerChanged: "customerChanged"
        case .customerBlocked(_, let blocked): blocked ? "blocked" : "unblocked"
        case .alert(let alert): "alert:\(alert.kind.rawValue)"
        case .auditRecorded(let record): "audit:\(record.action)"
        }
    }
}

/// Differences between the store and the sandbox's truth: every transaction the sandbox made must
/// be stored once, in its final state, and nothing else.
func mismatches(_ store: DeskStore, _ sandbox: SandboxServer) async throws -> [String] {
    let truth = await sandbox.state().transactions
    let stored = Dictionary(uniqueKeysWithValues: try store.allTransactions().map { ($0.id, $0) })
    var problems: [String] = []
    if stored.count != truth.count { problems.append("store has \(stored.count), sandbox \(truth.count)") }
    for tx in truth {
        guard let mine = stored[tx.id] else { problems.append("missing \(tx.id)"); continue }
        if mine.state != tx.transactionState || mine.compliance != tx.complianceState || mine.credited != tx.translationToAccountCompleted
            || mine.amount != tx.amount.description || mine.customerId != tx.customerId {
            problems.append("\(tx.id): store \(mine.state)/\(mine.credited) sandbox \(tx.transactionState)/\(tx.translationToAccountCompleted)")
        }
    }
    return problems
}
