import CalypsoAPI
import Foundation

/// The world as a file, so a demo sandbox continues where it stopped: customers, purses and
/// deposits (with where each unfinished one is in its walk). Webhook subscriptions are not kept.
extension SandboxWorld {
    struct Saved: Codable {
        struct SavedCustomer: Codable {
            var customer: Customer
            var sharedEVMAddress: String?
            var purseIds: [String]
        }

        struct SavedPurse: Codable {
            var id, customerId, blockchain, address: String
            var currency: Currency
            var status: String
            var createdDate: Date
            var lastDepositDate: Date?
        }

        struct SavedDeposit: Codable {
            var transaction: Transaction
            var stage: Int
            var willDecline: Bool
            var nextStepDate: Date?
        }

        var version = 1
        var seededCustomerCount: Int
        var customers: [SavedCustomer]
        var purses: [SavedPurse]
        var retiredAddresses: [String]
        var deposits: [SavedDeposit]
    }

    func savedWorld() throws -> Data {
        let saved = Saved(
            seededCustomerCount: seededCustomerCount,
            customers: customerOrder.compactMap { customers[$0] }.map {
                Saved.SavedCustomer(customer: $0.customer, sharedEVMAddress: $0.sharedEVMAddress, purseIds: $0.purseIds)
            },
            purses: purses.values.sorted { $0.createdDate < $1.createdDate }.map {
                Saved.SavedPurse(id: $0.id, customerId: $0.customerId, blockchain: $0.blockchain, address: $0.address, currency: $0.currency,
                                 status: $0.status.rawValue, createdDate: $0.createdDate, lastDepositDate: $0.lastDepositDate)
            },
            retiredAddresses: retiredAddresses.sorted(),
            deposits: deposits.map {
                Saved.SavedDeposit(transaction: $0.transaction, stage: $0.stage.rawValue, willDecline: $0.willDecline, nextStepDate: $0.nextStepDate)
            })
        return try Self.fileEncoder.encode(saved)
    }

    /// Replaces the world with a saved one. The generator is reseeded from `reseed`, so new ids
    /// do not repeat the ones the first run drew.
    func restore(_ data: Data, reseed: UInt64) throws {
        let saved = try Self.fileDecoder.decode(Saved.self, from: data)
        customers = [:]
        customerOrder = []
        blockedCustomerIds = []
        for entry in saved.customers {
            add(entry.customer)
            customers[entry.customer.id]?.sharedEVMAddress = entry.sharedEVMAddress
            customers[entry.customer.id]?.purseIds = entry.purseIds
        }
        purses = Dictionary(saved.purses.map {
            ($0.id, PurseRecord(id: $0.id, customerId: $0.customerId, blockchain: $0.blockchain, address: $0.address, currency: $0.currency,
                                status: PurseStatus($0.status), createdDate: $0.createdDate, lastDepositDate: $0.lastDepositDate))
        }, uniquingKeysWith: { first, _ in first })
        earliestExpiry = purses.values.filter { $0.status == .pendingPayment }.map(\.expiryDate).min()
        retiredAddresses = Set(saved.retiredAddresses)
        seededCustomerCount = saved.seededCustomerCount
        deposits = []
        insertHistory(saved.deposits.map {
            DepositRecord(transaction: $0.transaction, stage: DepositStage(rawValue: $0.stage) ?? .translated, willDecline: $0.willDecline,
                          nextStepDate: $0.nextStepDate)
        })
        random = SplitMix64(seed: reseed)
    }

    private static let fileEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    private static let fileDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
