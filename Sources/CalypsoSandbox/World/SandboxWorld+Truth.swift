import CalypsoAPI
import Foundation

extension SandboxWorld {
    func counts() -> SandboxCounts {
        var byStatus: [PurseStatus: Int] = [:]
        for purse in purses.values { byStatus[purse.status, default: 0] += 1 }
        var byState: [String: Int] = [:]
        for record in deposits { byState[record.transaction.transactionState.rawValue, default: 0] += 1 }
        return SandboxCounts(
            customers: customers.count, blockedCustomers: blockedCustomerIds.count, purses: purses.count,
            activePurses: byStatus[.pendingPayment] ?? 0, archivedPurses: byStatus[.archived] ?? 0,
            declinedPurses: byStatus[.declined] ?? 0, transactions: deposits.count,
            unfinishedTransactions: unfinishedPositions.count, transactionsByState: byState)
    }

    func state(webhooks: WebhookStatistics) -> SandboxState {
        SandboxState(counts: counts(), webhooks: webhooks, customers: customerOrder.map { customers[$0]!.customer },
                     purses: ownedPurses(), transactions: deposits.map(\.transaction))
    }

    /// The same content as `state`, written with each transaction's cached JSON.
    func stateJSON(webhooks: WebhookStatistics) -> [UInt8] {
        var out = Array(#"{"counts":"#.utf8)
        out += (try? Self.encoder.encode(counts())) ?? Data()
        out += Array(#","webhooks":"#.utf8)
        out += (try? Self.encoder.encode(webhooks)) ?? Data()
        out += Array(#","customers":"#.utf8)
        out += (try? Self.encoder.encode(customerOrder.map { customers[$0]!.customer })) ?? Data()
        out += Array(#","purses":"#.utf8)
        out += (try? Self.encoder.encode(ownedPurses())) ?? Data()
        out += Array(#","transactions":["#.utf8)
        for position in deposits.indices {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out += encodedTransaction(at: position)
        }
        out += Array("]}".utf8)
        return out
    }

    private func ownedPurses() -> [SandboxPurse] {
        customerOrder.flatMap { customerId in
            customers[customerId]!.purseIds.map { SandboxPurse(customerId: customerId, purse: wirePurse(purses[$0]!)) }
        }
    }
}
