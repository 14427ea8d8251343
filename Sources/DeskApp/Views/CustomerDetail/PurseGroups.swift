import DeskModel

/// Purses grouped by address: currencies that share one address (every EVM chain of a customer,
/// or several tokens on one chain) sit together, the group with an active purse first.
enum PurseGroups {
    static func ordered(_ purses: [PurseRecord]) -> [PurseRecord] {
        let groups = Dictionary(grouping: purses) { $0.address ?? $0.purseId }
        return groups.values
            .map { $0.sorted { ($0.blockchain ?? "", $0.currency) < ($1.blockchain ?? "", $1.currency) } }
            .sorted { a, b in
                let activeA = a.contains { $0.status.isActive }, activeB = b.contains { $0.status.isActive }
                if activeA != activeB { return activeA }
                return (a[0].blockchain ?? "", a[0].address ?? a[0].purseId) < (b[0].blockchain ?? "", b[0].address ?? b[0].purseId)
            }
            .flatMap { $0 }
    }

    /// The gutter mark of row `index` in an `ordered` list: ┬ │ └ for a shared address, ─ alone.
    static func gutter(_ purses: [PurseRecord], _ index: Int) -> String {
        let key = { (purse: PurseRecord) in purse.address ?? purse.purseId }
        let sameAsPrevious = index > 0 && key(purses[index - 1]) == key(purses[index])
        let sameAsNext = index + 1 < purses.count && key(purses[index + 1]) == key(purses[index])
        switch (sameAsPrevious, sameAsNext) {
        case (false, false): return "─"
        case (false, true): return "┬"
        case (true, true): return "│"
        case (true, false): return "└"
        }
    }

    /// Whether row `index` continues the address group above it.
    static func continuesGroup(_ purses: [PurseRecord], _ index: Int) -> Bool {
        index > 0 && (purses[index - 1].address ?? purses[index - 1].purseId) == (purses[index].address ?? purses[index].purseId)
    }
}
