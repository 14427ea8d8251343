import CalypsoAPI
import Foundation

/// What the app is told when another account's session has taken over.
public struct AccountSwitch: Hashable, Sendable {
    public var account: String
    public var name: String?

    public init(account: String, name: String?) {
        self.account = account
        self.name = name
    }
}

extension AppState {
    /// Names the current account in the header from `user/current`'s list.
    mutating func nameAccount(from accounts: [CurrentUser.AvailableAccount]) {
        if let name = accounts.first(where: { $0.account.lowercased() == header.account.lowercased() })?.name {
            header.accountName = name
        }
    }

    /// Forgets everything of the previous account (customers, feed, counts, views, dialogs) and
    /// loads the new one's as at start.
    mutating func switchAccount(_ switched: AccountSwitch) -> [AppCommand] {
        var fresh = HeaderData(account: switched.account, sourceLabel: header.sourceLabel, isSandbox: header.isSandbox,
                               connection: offline ? .offline : .connecting, refreshInterval: header.refreshInterval)
        fresh.accountName = switched.name
        header = fresh
        data = DeskData()
        views = [startView.make!()]
        navigation = nil
        modal = nil
        prompt = nil
        copyOffer = nil
        sentVisibleIds = []
        sentFocus = nil
        countsStale = false
        showFlash("switched to \(switched.name ?? switched.account)", level: .info)
        var commands: [AppCommand] = offline ? [] : [.refreshNow]
        commands += [.loadCustomers, .loadCounts, .loadFeedHistory]
        return commands + enterTop()
    }
}
