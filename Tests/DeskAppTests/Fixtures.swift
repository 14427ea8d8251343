import CalypsoAPI
@testable import DeskApp
import DeskModel
import Foundation
import TerminalUI

enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func customer(_ number: Int, email: String? = nil, blocked: Bool = false, pending: Int = 0,
                         externalId: String? = nil) -> CustomerSummary {
        CustomerSummary(id: String(format: "%08x-0000-4000-8000-%012x", number, number), email: email ?? "customer\(number)@example.com",
                        externalId: externalId ?? "ext-\(number)", description: "Customer number \(number)", blocked: blocked,
                        purseCount: number % 3, pendingDeposits: pending)
    }

    static let customers: [CustomerSummary] = [
        customer(1, email: "ann@example.com"),
        customer(2, email: "bob@example.com", blocked: true),
        customer(3, email: "joanna@example.org", pending: 2),
        customer(4, email: "zed@example.net", externalId: "123-abc"),
        customer(5, email: "carl@example.com"),
    ]

    static let currencies = [CurrencyOption(currency: "ETH", blockchain: "ETHEREUM"), CurrencyOption(currency: "BTC", blockchain: "BITCOIN")]

    /// Opens on the customers list unless `startView` says otherwise (nil: the overview).
    static func setup(width: Int = 100, height: Int = 30, readOnly: Bool = false, keys: [String: String] = [:],
                      theme: Theme = .standard, bell: Bool = true, startView: String? = "customers") -> AppState.Setup {
        AppState.Setup(account: "0x1234567890abcdef1234567890abcdef12345678", sourceLabel: "SANDBOX", isSandbox: true,
                       readOnlyReason: readOnly ? "read-only" : nil, offline: false, refreshInterval: .seconds(2),
                       currencies: currencies, theme: theme, keyBindings: keys, size: TerminalSize(width: width, height: height), now: now,
                       bell: bell, timeZone: TimeZone(identifier: "UTC")!, startView: startView)
    }

    /// A started state with the fixture customers loaded.
    static func state(width: Int = 100, height: Int = 30, readOnly: Bool = false, keys: [String: String] = [:], bell: Bool = true,
                      startView: String? = "customers") -> AppState {
        var state = AppState(setup(width: width, height: height, readOnly: readOnly, keys: keys, bell: bell, startView: startView))
        _ = update(&state, .started)
        _ = update(&state, .customersLoaded(customers))
        return state
    }

    static func purse(_ currency: String, chain: String, address: String, status: PurseStatus, customerId: String) -> PurseRecord {
        PurseRecord(purseId: "purse-\(address)", customerId: customerId, currency: currency, address: address, blockchain: chain,
                    status: status, createdAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(7200),
                    lastDepositAt: nil, updatedAt: now)
    }

    static func alert(_ id: Int64, customer: Int?, kind: AlertKind = .complianceDeclined, acknowledgedBy: String? = nil) -> AlertRecord {
        AlertRecord(id: id, at: now.addingTimeInterval(Double(-60 * id)), kind: kind, customerId: customer.map { customers[$0].id },
                    transactionId: "tx\(id)", message: "deposit tx\(id) declined by compliance",
                    acknowledgedAt: acknowledgedBy == nil ? nil : now, acknowledgedBy: acknowledgedBy)
    }

    static var overview: OverviewFigures {
        var eth = OverviewRow(currency: "ETH", blockchain: "ETHEREUM")
        (eth.pursesActive, eth.pursesArchived, eth.pursesDeclined, eth.mempool, eth.compliance) = (12, 3, 1, 2, 1)
        (eth.confirmedHour, eth.volumeHour, eth.confirmedDay, eth.volumeDay, eth.declinedDay) =
            (4, Decimal(string: "1.000000001")!, 40, Decimal(string: "123.456")!, 2)
        for minute in stride(from: 0, to: 60, by: 7) { eth.minuteVolumes[minute] = Decimal(minute + 1) }
        var btc = OverviewRow(currency: "BTC", blockchain: "BITCOIN")
        (btc.pursesActive, btc.confirmedDay, btc.volumeDay) = (5, 1, Decimal(string: "0.00012345")!)
        btc.minuteVolumes[59] = 1
        let usdt = OverviewRow(currency: "USDT_TRX", blockchain: "TRON")
        return OverviewFigures(at: now, rows: [btc, eth, usdt], unacknowledgedAlerts: 2,
                               recentAlerts: [alert(1, customer: 0), alert(2, customer: nil, kind: .syncFailing)])
    }

    static func transaction(_ id: String, customerId: String?, state: TransactionState, currency: String = "ETH") -> TransactionRecord {
        TransactionRecord(id: id, customerId: customerId, purseId: nil, address: "0xaddr", currency: currency, amount: "1.5",
                          addressFrom: nil, hash: "0xhash-\(id)", state: state, compliance: state == .declined ? .decline : .checked,
                          credited: false, createdAt: now.addingTimeInterval(-60), firstSeenAt: now, updatedAt: now)
    }
}

extension AppState {
    /// Sends keys by name ("b", "enter", "esc", or text typed character by character with `type`).
    @discardableResult
    mutating func press(_ names: String...) -> [AppCommand] {
        var commands: [AppCommand] = []
        for name in names {
            guard let key = Key(name: name) else { fatalError("no key named \(name)") }
            commands += update(&self, .key(key))
        }
        return commands
    }

    @discardableResult
    mutating func type(_ text: String) -> [AppCommand] {
        text.flatMap { update(&self, .key(.character($0))) }
    }

    var visibleEmails: [String] { (0..<data.customers.rowCount).compactMap { data.customers.customer(atRow: $0)?.email } }

    /// The cursor of the top view's table.
    var topTable: TableState {
        switch views.last {
        case let view as CustomersView: view.table
        case let view as FeedView: view.table
        case let view as AlertsView: view.table
        case let view as AuditView: view.table
        case let view as CustomerDetailView: view.pane == .purses ? view.purseTable : view.transactionTable
        default: TableState()
        }
    }

    /// The marks of the customer list on top.
    var customerMarks: Set<String> { (views.last as? CustomersView)?.marks ?? [] }

    var screenText: String { DashboardScreen.render(self).textLines.joined(separator: "\n") }
}

extension CellBuffer {
    /// The position of the first occurrence of `text`, in cells.
    func find(_ text: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let cells = Array(cells(row: y))
            let characters = cells.map { $0.character ?? "\u{0}" }
            let needle = Array(text)
            guard needle.count <= characters.count else { continue }
            for x in 0...(characters.count - needle.count) where Array(characters[x..<(x + needle.count)]) == needle { return (x, y) }
        }
        return nil
    }
}
