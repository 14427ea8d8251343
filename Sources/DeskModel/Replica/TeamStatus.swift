import Foundation

/// What a desk in team mode says about itself in the header: whether it polls the API for the
/// team or follows the poller's log, and whether the team store answers.
public struct TeamStatus: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable {
        /// Not yet known: the team store has not answered since start.
        case starting
        /// This process holds the account's poller lock and runs the sync engine.
        case polling
        /// Another process polls; this one applies the team's change log.
        case following
    }

    public enum StoreState: Sendable, Equatable {
        case connected
        case reconnecting(reason: String)
    }

    public var role: Role
    public var store: StoreState
    /// The last change-log sequence merged into the local store.
    public var sequence: Int64

    public init(role: Role = .starting, store: StoreState = .reconnecting(reason: "connecting"), sequence: Int64 = 0) {
        self.role = role
        self.store = store
        self.sequence = sequence
    }

    public var label: String {
        switch store {
        case .connected: role.rawValue
        case .reconnecting: "\(role.rawValue) · team store: reconnecting"
        }
    }
}
