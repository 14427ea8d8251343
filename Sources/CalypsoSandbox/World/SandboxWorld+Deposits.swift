import CalypsoAPI
import Foundation

/// How an injected deposit moves after it appears in the mempool.
public enum DepositPacing: String, Sendable, Codable {
    /// One step every `TrafficSettings.stepSeconds` of simulated time, like generated traffic.
    case scheduled
    /// Only when stepped through the admin API.
    case manual
    /// Straight to its final state, announcing every step on the way.
    case instant
}

extension SandboxWorld {
    /// A deposit arriving on the customer's active purse for the currency's blockchain (issued if
    /// needed). Deposits to blocked customers are accepted like any other.
    func receiveDeposit(customerId: String, currency code: Currency, amount: Amount?, decline: Bool,
                        pacing: DepositPacing) throws(SandboxAPIError) -> Transaction {
        let currency = try sandboxCurrency(code)
        _ = try customerRecord(customerId)
        if let amount, amount.value <= 0 { throw .badRequest("amount must be positive") }
        let purse = activePurse(customerId: customerId, currency: currency)
        let now = clock.now()
        let transaction = Transaction(
            id: IdentifierMaker.uuid(&random), amount: amount ?? randomAmount(currency), addressFrom:
                IdentifierMaker.address(AddressFormat(blockchain: currency.blockchain), &random),
            currency: code, transactionHash: nil, transactionState: .memPoolFound, complianceState: .unchecked,
            translationToAccountCompleted: false, createdDate: now, customerId: customerId, purseId: purse.id,
            address: purse.address)
        let position = deposits.count
        deposits.append(DepositRecord(transaction: transaction, stage: .memPool, willDecline: decline,
                                      nextStepDate: pacing == .scheduled ? now.addingTimeInterval(traffic.stepSeconds) : nil))
        positionById[transaction.id] = position
        customers[customerId]!.transactionPositions.append(position)
        unfinishedPositions.insert(position)
        announce(position, .memPoolFound, at: now)
        if pacing == .instant {
            while !deposits[position].isFinished { advance(position, at: now) }
        }
        return deposits[position].transaction
    }

    /// Moves a deposit one state on, now.
    func stepDeposit(id: String) throws(SandboxAPIError) -> Transaction {
        guard let position = positionById[id] else { throw .notFound("Transaction \(id) is not found") }
        guard !deposits[position].isFinished else { throw .badRequest("Transaction \(id) is already in its final state") }
        advance(position, at: clock.now())
        return deposits[position].transaction
    }

    /// Runs every scheduled step and expiry that the clock has reached.
    func processDue() {
        let now = clock.now()
        for position in unfinishedPositions.sorted() {
            while let due = deposits[position].nextStepDate, due <= now {
                deposits[position].nextStepDate = due.addingTimeInterval(traffic.stepSeconds)
                advance(position, at: due)
            }
        }
        expireDuePurses()
    }

    /// One generated deposit: a random customer (a blocked one for `blockedShare` of them), a
    /// random currency, a random amount; declined for `declineShare` of them.
    func generateDeposit() {
        guard !customerOrder.isEmpty, !currencyOrder.isEmpty else { return }
        let customerId: String
        if random.chance(traffic.blockedShare), let blocked = blockedCustomerIds.sorted().randomElement(using: &random) {
            customerId = blocked
        } else {
            customerId = customerOrder.randomElement(using: &random)!
        }
        let currency = currencyOrder.randomElement(using: &random)!
        let decline = random.chance(traffic.declineShare)
        _ = try? receiveDeposit(customerId: customerId, currency: currency.code, amount: nil, decline: decline,
                                pacing: .scheduled)
    }

    func randomAmount(_ currency: SandboxCurrency) -> Amount {
        var scale = Decimal(1)
        for _ in 0..<currency.decimals { scale *= 10 }
        let low = NSDecimalNumber(decimal: currency.minimumAmount * scale).int64Value
        let high = max(low, NSDecimalNumber(decimal: currency.maximumAmount * scale).int64Value)
        let units = Int64.random(in: low...high, using: &random)
        return Amount(Decimal(sign: .plus, exponent: -currency.decimals, significand: Decimal(units)))
    }

    private func advance(_ position: Int, at date: Date) {
        var record = deposits[position]
        let purseId = record.transaction.purseId ?? ""
        switch record.stage {
        case .memPool:
            record.stage = .compliance
            record.transaction.transactionState = .pendingComplianceCheck
            record.transaction.complianceState = .inProgress
            let format = AddressFormat(blockchain: purses[purseId]?.blockchain ?? "")
            record.transaction.transactionHash = IdentifierMaker.transactionHash(format, &random)
        case .compliance:
            record.stage = .decided
            if record.willDecline {
                record.transaction.transactionState = .declined
                record.transaction.complianceState = .decline
                retire(purseId: purseId, as: .declined)
            } else {
                record.transaction.transactionState = .confirmed
                record.transaction.complianceState = .checked
                if purses[purseId]?.status == .pendingPayment { purses[purseId]?.lastDepositDate = date }
            }
        case .decided:
            record.stage = .translated
            record.transaction.translationToAccountCompleted = true
        case .translated:
            return
        }
        record.encoded = nil
        if record.isFinished {
            record.nextStepDate = nil
            unfinishedPositions.remove(position)
        }
        deposits[position] = record
        let eventType: WebhookEventType = switch record.stage {
        case .memPool: .memPoolFound
        case .compliance: .pendingCompliance
        case .decided: record.willDecline ? .complianceDeclined : .fundsReceived
        case .translated: .translationCompleted
        }
        announce(position, eventType, at: date)
    }

    private func announce(_ position: Int, _ eventType: WebhookEventType, at date: Date) {
        let transaction = deposits[position].transaction
        let customerId = transaction.customerId ?? ""
        events.yield(SandboxEvent(
            eventType: eventType,
            data: WebhookEventData(
                customerId: customerId, customerBlocked: customers[customerId]?.customer.blocked ?? false,
                purseId: transaction.purseId, address: transaction.address, currency: transaction.currency,
                transactionId: transaction.id, amount: transaction.amount, addressFrom: transaction.addressFrom,
                transactionHash: transaction.transactionHash, transactionState: transaction.transactionState,
                complianceState: transaction.complianceState,
                translationToAccountCompleted: transaction.translationToAccountCompleted),
            date: date))
    }
}
