import CalypsoAPI
import DeskModel
import Foundation

/// The large store the benchmarks open: N customers and M settled transactions spread over them.
enum StoreScenario {
    static let account = "0xbe4c400000000000000000000000000000000001"

    struct Built {
        var dataDirectory: URL
        var seconds: Double
        var bytes: Int64
        var customers: Int
        var transactions: Int

        var label: String { "\(Self.short(customers))/\(Self.short(transactions))" }

        static func short(_ count: Int) -> String {
            count >= 1_000_000 ? "\(count / 1_000_000)M" : count >= 1000 ? "\(count / 1000)k" : "\(count)"
        }
    }

    static func customers(_ count: Int) -> [Customer] {
        (0..<count).map { index in
            Customer(id: uuid(1, index), email: "customer\(index)@example.com", description: index % 97 == 0 ? "VIP 貴賓 ₮" : "desk \(index % 13)",
                     externalId: "EXT-\(100_000 + index)", blocked: index % 50 == 0)
        }
    }

    static func build(customers customerCount: Int, transactions transactionCount: Int, in directory: URL,
                      progress: (String) -> Void) throws -> Built {
        let clock = ContinuousClock()
        let started = clock.now
        let store = try DeskStore.open(dataDirectory: directory, account: account)
        let customers = customers(customerCount)
        let currencies: [Currency] = ["ETH", "USDT_ERC20", "USDT_BSC", "BNB", "POL", "TRX", "USDT_TRX", "BTC"]
        let base = Date().addingTimeInterval(-365 * 86_400)
        let chunk = 100_000
        var written = 0
        var first = true
        while written < transactionCount || first {
            let count = min(chunk, transactionCount - written)
            let transactions = (written..<written + count).map { index -> Transaction in
                let state: TransactionState = index % 23 == 0 ? .declined : .confirmed
                return Transaction(
                    id: uuid(2, index), amount: Amount(Decimal(index % 10_000) / 100 + 1), addressFrom: "0xfrom\(index % 1000)",
                    currency: currencies[index % currencies.count], transactionHash: "0x" + String(index, radix: 16),
                    transactionState: state, complianceState: state == .declined ? .decline : .checked,
                    translationToAccountCompleted: state == .confirmed,
                    createdDate: base.addingTimeInterval(Double(index) * 30), customerId: customers[index % customers.count].id)
            }
            try store.bulkLoad(customers: first ? customers : [], transactions: transactions)
            first = false
            written += count
            progress("store: \(written) of \(transactionCount) transactions")
        }
        let seconds = BenchReport.milliseconds(clock.now - started) / 1000
        let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? NSNumber)?.int64Value ?? 0
        return Built(dataDirectory: directory, seconds: seconds, bytes: size, customers: customerCount, transactions: transactionCount)
    }

    /// A scenario store left by an earlier run with the same sizes, or a new one.
    static func reuseOrBuild(customers: Int, transactions: Int, in directory: URL, progress: (String) -> Void) throws -> Built {
        let marker = directory.appendingPathComponent("scenario-\(customers)-\(transactions)")
        if FileManager.default.fileExists(atPath: marker.path) {
            let store = try DeskStore.open(dataDirectory: directory, account: account)
            let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? NSNumber)?.int64Value ?? 0
            return Built(dataDirectory: directory, seconds: 0, bytes: size, customers: customers, transactions: transactions)
        }
        try? FileManager.default.removeItem(at: directory)
        let built = try build(customers: customers, transactions: transactions, in: directory, progress: progress)
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        return built
    }

    /// Deterministic UUID-shaped ids, distinct per kind.
    static func uuid(_ kind: Int, _ index: Int) -> String {
        String(format: "%08x-%04x-4%03x-8%03x-%012x", index &* 2_654_435_761 & 0xffff_ffff, kind, index >> 12 & 0xfff, index & 0xfff, index)
    }
}
