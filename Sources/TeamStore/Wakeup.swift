import Foundation

/// A wake-up call that is never lost: a signal before the wait ends the next wait at once.
actor Wakeup {
    private var pending = false
    private var sleeper: CheckedContinuation<Void, Never>?
    private var generation = 0

    func signal() {
        if let sleeper {
            self.sleeper = nil
            sleeper.resume()
        } else {
            pending = true
        }
    }

    /// Returns at the next signal, or after `limit`, or when the task is cancelled.
    func wait(upTo limit: Duration) async {
        if pending {
            pending = false
            return
        }
        generation += 1
        let current = generation
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                sleeper = continuation
                Task { [weak self] in
                    try? await Task.sleep(for: limit)
                    await self?.expire(current)
                }
            }
        } onCancel: {
            Task { [weak self] in await self?.signal() }
        }
    }

    private func expire(_ expected: Int) {
        guard expected == generation, let sleeper else { return }
        self.sleeper = nil
        sleeper.resume()
    }
}
