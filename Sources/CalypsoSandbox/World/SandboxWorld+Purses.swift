import CalypsoAPI
import Foundation

extension SandboxWorld {
    /// `address/get`: the active purse of the currency's blockchain, issuing one when there is
    /// none (first call, or the last one expired or was declined).
    func depositAddress(customerId: String, currency code: Currency) throws(SandboxAPIError) -> Purse {
        let currency = try sandboxCurrency(code)
        _ = try customerRecord(customerId)
        let purse = activePurse(customerId: customerId, currency: currency)
        var wire = wirePurse(purse)
        wire.currency = code
        return wire
    }

    func purseList(customerId: String) throws(SandboxAPIError) -> [Purse] {
        let record = try customerRecord(customerId)
        expireDuePurses()
        return record.purseIds.compactMap { purses[$0] }.map(wirePurse)
    }

    func activePurse(customerId: String, currency: SandboxCurrency) -> PurseRecord {
        expireDuePurses()
        let record = customers[customerId]!
        for id in record.purseIds.reversed() {
            if let purse = purses[id], purse.blockchain == currency.blockchain, purse.status == .pendingPayment { return purse }
        }
        return issuePurse(customerId: customerId, currency: currency, createdDate: clock.now())
    }

    func issuePurse(customerId: String, currency: SandboxCurrency, createdDate: Date) -> PurseRecord {
        var customer = customers[customerId]!
        let format = AddressFormat(blockchain: currency.blockchain)
        let address: String
        if format == .evm, let shared = customer.sharedEVMAddress, !retiredAddresses.contains(shared) {
            address = shared
        } else {
            address = IdentifierMaker.address(format, &random)
            if format == .evm { customer.sharedEVMAddress = address }
        }
        let purse = PurseRecord(id: IdentifierMaker.uuid(&random), customerId: customerId, blockchain: currency.blockchain,
                                address: address, currency: currency.code, status: .pendingPayment,
                                createdDate: createdDate, lastDepositDate: nil)
        customer.purseIds.append(purse.id)
        customers[customerId] = customer
        purses[purse.id] = purse
        earliestExpiry = min(earliestExpiry ?? purse.expiryDate, purse.expiryDate)
        return purse
    }

    func retire(purseId: String, as status: PurseStatus) {
        guard var purse = purses[purseId], purse.status == .pendingPayment else { return }
        purse.status = status
        purses[purseId] = purse
        retiredAddresses.insert(purse.address)
    }

    /// Archives every active purse whose expiry has passed and announces it.
    func expireDuePurses() {
        let now = clock.now()
        guard let earliest = earliestExpiry, earliest <= now else { return }
        var next: Date?
        let due = purses.values.filter { $0.status == .pendingPayment && $0.expiryDate <= now }
            .sorted { ($0.expiryDate, $0.id) < ($1.expiryDate, $1.id) }
        for purse in due {
            retire(purseId: purse.id, as: .archived)
            let blocked = customers[purse.customerId]?.customer.blocked ?? false
            events.yield(SandboxEvent(
                eventType: .purseExpired,
                data: WebhookEventData(customerId: purse.customerId, customerBlocked: blocked, purseId: purse.id,
                                       address: purse.address),
                date: now))
        }
        for purse in purses.values where purse.status == .pendingPayment {
            next = min(next ?? purse.expiryDate, purse.expiryDate)
        }
        earliestExpiry = next
    }

    func wirePurse(_ purse: PurseRecord) -> Purse {
        Purse(id: purse.id, address: purse.address, currency: purse.currency,
              currencies: currencyCodes(on: purse.blockchain), blockchain: purse.blockchain, status: purse.status,
              createdDate: purse.createdDate, expiryDate: purse.expiryDate, lastDepositDate: purse.lastDepositDate)
    }
}
