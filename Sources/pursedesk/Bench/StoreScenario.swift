import CalypsoAPI
import DeskModel
import Foundation

/// The large store the benchmarks open: N customers and M settled transactions spread over them,
/// generated row by row while they are loaded (nothing held beyond the loader's chunk).
enum StoreScenario {
    static let account = "0xbe4c400000000000000000000000000000000001"

    struct Built {
        var dataDirectory: URL
        var seconds: Double
        var bytes: Int64
        var customers: Int
        var transactions: Int

        var label: String { "\(Self.short(customers))/\(Self.short(transactions))" }
        var rowsPerSecond: Double { seconds > 0 ? Double(customers + transactions) / seconds : 0 }

        static func short(_ count: Int) -> String {
            count >= 1_000_000 ? "\(count / 1_000_000)M" : count >= 1000 ? "\(count / 1000)k" : "\(count)"
        }
    }

    static func customer(_ index: Int) -> Customer {
        Customer(id: uuid(1, index), email: "customer\(index)@example.com", description: index % 97 == 0 ? "VIP 貴賓 ₮" : "desk \(index % 13)",
                 externalId: "EXT-\(100_000 + index)", blocked: index % 50 == 0)
    }

    static func customers(_ count: Int) -> some Sequence<Customer> {
        (0..<count).lazy.map(customer)
    }

    private static let currencies = ["ETH", "USDT_ERC20", "USDT_BSC", "BNB", "POL", "TRX", "USDT_TRX", "BTC"]
    /// The 10,000 amounts the scenario cycles through, formatted once.
    private static let amounts = (0..<10_000).map { Amount(Decimal($0) / 100 + 1).description }

    /// Deposits spread round-robin over the customers, one every 30 s from a year ago. Their ids
    /// grow with the index, so the primary key is appended to rather than inserted at random.
    static func deposits(_ count: Int, customers customerCount: Int, at now: Date) -> some Sequence<TransactionRecord> {
        let base = now.addingTimeInterval(-365 * 86_400)
        return (0..<count).lazy.map { index in
            let state: TransactionState = index % 23 == 0 ? .declined : .confirmed
            return TransactionRecord(
                id: uuid(2, index, leading: UInt64(index)), customerId: uuid(1, index % max(customerCount, 1)), purseId: nil,
                address: nil, currency: currencies[index % currencies.count], amount: amounts[index % amounts.count],
                addressFrom: "0xfrom\(index % 1000)", hash: "0x" + String(index, radix: 16), state: state,
                compliance: state == .declined ? .decline : .checked, credited: state == .confirmed,
                createdAt: base.addingTimeInterval(Double(index) * 30), firstSeenAt: now, updatedAt: now)
        }
    }

    static func build(customers customerCount: Int, transactions transactionCount: Int, in directory: URL,
                      progress: (String) -> Void) throws -> Built {
        let clock = ContinuousClock()
        let started = clock.now
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = DeskStore.fileURL(dataDirectory: directory, account: account).path
        let now = Date()
        var lastReport = clock.now
        try DeskStore.fillNew(path: path, customers: customers(customerCount),
                              deposits: deposits(transactionCount, customers: customerCount, at: now), at: now) { step in
            guard step.phase != .customers && step.phase != .deposits || clock.now - lastReport >= .seconds(5) else { return }
            lastReport = clock.now
            switch step.phase {
            case .customers: progress("store: \(step.rows) of \(customerCount) customers")
            case .deposits: progress("store: \(step.rows) of \(transactionCount) transactions")
            case .indexes: progress("store: index \(step.rows) built")
            case .figures: progress("store: customers' deposit figures computed")
            }
        }
        let seconds = BenchReport.milliseconds(clock.now - started) / 1000
        return Built(dataDirectory: directory, seconds: seconds, bytes: fileSize(path), customers: customerCount, transactions: transactionCount)
    }

    /// A scenario store left by an earlier run with the same sizes, or a new one.
    static func reuseOrBuild(customers: Int, transactions: Int, in directory: URL, progress: (String) -> Void) throws -> Built {
        let marker = directory.appendingPathComponent("scenario-\(customers)-\(transactions)")
        if FileManager.default.fileExists(atPath: marker.path) {
            let store = try DeskStore.open(dataDirectory: directory, account: account)
            return Built(dataDirectory: directory, seconds: 0, bytes: fileSize(store.path), customers: customers, transactions: transactions)
        }
        try? FileManager.default.removeItem(at: directory)
        let built = try build(customers: customers, transactions: transactions, in: directory, progress: progress)
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        return built
    }

    static func fileSize(_ path: String) -> Int64 {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Deterministic UUID-shaped ids, distinct per kind; the first group is scrambled unless given.
    static func uuid(_ kind: Int, _ index: Int, leading: UInt64? = nil) -> String {
        let first = leading ?? UInt64(truncatingIfNeeded: index &* 2_654_435_761) & 0xffff_ffff
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        func hex(_ value: UInt64, _ digits: Int) {
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) { bytes.append(hexDigits[Int(value >> UInt64(shift) & 0xf)]) }
        }
        hex(first, 8)
        bytes.append(UInt8(ascii: "-"))
        hex(UInt64(kind), 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(ascii: "4"))
        hex(UInt64(index >> 12 & 0xfff), 3)
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(ascii: "8"))
        hex(UInt64(index & 0xfff), 3)
        bytes.append(UInt8(ascii: "-"))
        hex(UInt64(index) & 0xffff_ffff_ffff, 12)
        return String(decoding: bytes, as: UTF8.self)
    }
}
