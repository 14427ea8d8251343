import DeskModel

/// Data more than one view shows, kept by the shell so every view sees the same.
public struct DeskData: Sendable {
    public var customers = CustomerList()
    public var customersLoaded = false
    /// The applied `/` filter of the customer tables.
    public var customerFilter = ""
    public var feed = FeedLog()

    /// Feed lines (oldest first), the `customer:` filter seeing the emails known now.
    mutating func appendFeed(_ entries: [FeedEntry]) {
        let customers = customers
        feed.append(entries) { customers.customer(id: $0)?.email }
    }

    mutating func resumeFeed() {
        let customers = customers
        feed.resume { customers.customer(id: $0)?.email }
    }

    mutating func setFeedFilter(_ text: String) {
        let customers = customers
        feed.setFilter(text) { customers.customer(id: $0)?.email }
    }

    /// After customers changed: a `customer:` filter may now match other lines.
    mutating func refilterFeedByCustomer() {
        guard feed.filter.namesCustomer else { return }
        let customers = customers
        feed.refilter { customers.customer(id: $0)?.email }
    }

    /// "ann@example.com", or the short id when the customer or their email is unknown.
    func customerName(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "—" }
        return customers.customer(id: id)?.email ?? String(id.prefix(8))
    }
}
