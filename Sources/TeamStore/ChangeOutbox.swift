import DeskModel
import Foundation

/// The poller's changes on their way to the team's log, in order. While the team store does not
/// answer they wait here and go out, oldest first, once it does: nothing is lost.
actor ChangeOutbox {
    private let team: TeamStore
    private var pending: [StoreChange] = []
    private var draining = false
    private let retryDelay: Duration

    init(team: TeamStore, retryDelay: Duration = .milliseconds(500)) {
        self.team = team
        self.retryDelay = retryDelay
    }

    func add(_ changes: [StoreChange]) {
        pending += changes
        guard !draining else { return }
        draining = true
        Task { await drain() }
    }

    var waiting: Int { pending.count }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(500))
            do {
                try await team.publish(batch)
                pending.removeFirst(batch.count)
            } catch {
                try? await Task.sleep(for: retryDelay)
            }
        }
        draining = false
    }
}
