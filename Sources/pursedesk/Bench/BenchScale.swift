import ArgumentParser
import Foundation

/// The sizes of a benchmark scenario: customers in the store and transactions over them.
struct BenchScale: Equatable, CustomStringConvertible {
    var name: String
    var customers: Int
    var transactions: Int

    static let small = BenchScale(name: "10k", customers: 10_000, transactions: 100_000)
    static let standard = BenchScale(name: "100k", customers: 100_000, transactions: 1_000_000)
    static let large = BenchScale(name: "1m", customers: 1_000_000, transactions: 10_000_000)
    static let named = [small, standard, large]

    var description: String { "\(StoreScenario.Built.short(customers)) customers / \(StoreScenario.Built.short(transactions)) transactions" }
    var label: String { "\(StoreScenario.Built.short(customers))/\(StoreScenario.Built.short(transactions))" }

    static let help = "10k (10k customers / 100k transactions), 100k (100k / 1M) or 1m (1M / 10M)"
}

/// `--scale 100k`, `--scale 1m`, `--scale 100k,1m` or `--scale both` (= 100k,1m): each scale is
/// measured in turn and every figure that depends on the store's size is printed for each.
struct BenchScales: ExpressibleByArgument {
    var scales: [BenchScale]

    init(_ scales: [BenchScale]) { self.scales = scales }

    init?(argument: String) {
        let names = argument.lowercased() == "both" ? ["100k", "1m"] : argument.lowercased().split(separator: ",").map(String.init)
        var scales: [BenchScale] = []
        for name in names {
            guard let scale = BenchScale.named.first(where: { $0.name == name.trimmingCharacters(in: .whitespaces) }) else { return nil }
            if !scales.contains(scale) { scales.append(scale) }
        }
        guard !scales.isEmpty else { return nil }
        self.scales = scales
    }

    var defaultValueDescription: String { scales.map(\.name).joined(separator: ",") }

    static let help = ArgumentHelp(
        "The scenario's size: \(BenchScale.help); several as a comma list, or both (= 100k,1m).",
        valueName: "scale")
}
