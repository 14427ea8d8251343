import DeskModel

/// Data more than one view shows, kept by the shell so every view sees the same.
public struct DeskData: Sendable {
    public var customers = CustomerList()
    public var customersLoaded = false
    /// The applied `/` filter of the customer tables.
    public var customerFilter = ""
    public var feed = FeedLog()

    /// "ann@example.com", or the short id when the customer or their email is unknown.
    func customerName(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "—" }
        return customers.customer(id: id)?.email ?? String(id.prefix(8))
    }
}
