import CalypsoAPI
import Foundation

extension SandboxWorld {
    /// Adds `customers` customers (`blockedShare` of them blocked) and `transactions` finished,
    /// confirmed deposits dated within the last 30 days, spread over the new customers (over every
    /// customer when none are added). Seeded history announces no webhooks.
    func seed(customers count: Int, transactions transactionCount: Int) {
        let firstNew = customerOrder.count
        customers.reserveCapacity(customers.count + count)
        customerOrder.reserveCapacity(customerOrder.count + count)
        for _ in 0..<max(0, count) {
            seededCustomerCount += 1
            let number = seededCustomerCount
            let shop = accountIndex == 0 ? "" : "shop\(accountIndex + 1)."
            let prefix = accountIndex == 0 ? "" : "s\(accountIndex + 1)-"
            add(Customer(id: IdentifierMaker.uuid(&random), email: "customer\(number)@\(shop)sandbox.test",
                         description: "Seeded customer \(number)", externalId: "\(prefix)ext-\(number)",
                         blocked: random.chance(traffic.blockedShare)))
        }
        let owners = count > 0 ? Array(customerOrder[firstNew...]) : customerOrder
        guard transactionCount > 0, !owners.isEmpty, !currencyOrder.isEmpty else { return }
        seedHistory(transactionCount, owners: owners)
    }

    private func seedHistory(_ count: Int, owners: [String]) {
        let now = clock.now()
        let window: TimeInterval = 30 * 86_400
        var history: [DepositRecord] = []
        history.reserveCapacity(count)
        for _ in 0..<count {
            let customerId = owners.randomElement(using: &random)!
            let currency = currencyOrder.randomElement(using: &random)!
            var purse = activePurse(customerId: customerId, currency: currency)
            if purse.lastDepositDate == nil, purse.createdDate > now.addingTimeInterval(-window) {
                purse.createdDate = now.addingTimeInterval(-window - 86_400)
            }
            let created = now.addingTimeInterval(-Double.random(in: 0..<window, using: &random))
            purse.lastDepositDate = max(purse.lastDepositDate ?? created, created)
            purses[purse.id] = purse
            let format = AddressFormat(blockchain: currency.blockchain)
            let transaction = Transaction(
                id: IdentifierMaker.uuid(&random), amount: randomAmount(currency),
                addressFrom: IdentifierMaker.address(format, &random), currency: currency.code,
                transactionHash: IdentifierMaker.transactionHash(format, &random), transactionState: .confirmed,
                complianceState: .checked, translationToAccountCompleted: true, createdDate: created,
                customerId: customerId, purseId: purse.id, address: purse.address)
            history.append(DepositRecord(transaction: transaction, stage: .translated, willDecline: false, nextStepDate: nil))
        }
        insertHistory(history)
    }

    /// Merges older deposits into the date-ordered list and rebuilds every position index.
    func insertHistory(_ history: [DepositRecord]) {
        var merged = deposits + history
        let order = merged.indices.sorted {
            let left = merged[$0].transaction.createdDate ?? .distantPast
            let right = merged[$1].transaction.createdDate ?? .distantPast
            return left != right ? left < right : $0 < $1
        }
        merged = order.map { merged[$0] }
        deposits = merged
        positionById = Dictionary(uniqueKeysWithValues: deposits.enumerated().map { ($1.transaction.id, $0) })
        unfinishedPositions = Set(deposits.indices.filter { !deposits[$0].isFinished })
        for id in customerOrder { customers[id]?.transactionPositions.removeAll() }
        for (position, record) in deposits.enumerated() {
            if let customerId = record.transaction.customerId { customers[customerId]?.transactionPositions.append(position) }
        }
    }
}
