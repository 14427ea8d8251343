import CalypsoAPI
import Foundation
import Logging

/// Keeps the store fresh under a request budget. Each refresh spends its budget in order:
/// the live feed (newest transactions of the whole account, a cost independent of the number
/// of customers), the focused customer, deposits still open, visible rows, recently active
/// customers, then a round-robin sweep of everyone else.
public actor SyncEngine {
    public struct Status: Sendable, Equatable {
        public var connection: ConnectionState
        public var statistics: SyncStatistics
    }

    private let api: SyncAPI
    private let store: DeskStore
    private let events: EventHub<DeskEvent>
    public nonisolated let statusUpdates = EventHub<Status>()
    private var settings: SyncSettings
    private var pacer: RequestPacer
    private let now: @Sendable () -> Date
    private let logger: Logger

    private var focusedCustomerId: String?
    private var visibleCustomerIds: [String] = []
    private var visibleCursor = 0
    private var activeCursor = 0
    private var sweepIds: [String] = []
    private var sweepCursor = 0
    private var refreshing = false
    private var lastFetched: [String: ContinuousClock.Instant] = [:]
    /// Background requests earned and not yet spent.
    private var backgroundAllowance = 0.0
    private var lastSuccess: Date?
    private var failureStartedAt: Date?
    private var lastFailure: CalypsoError?
    /// The last failed refresh's error in full (the connection state carries a short summary).
    public private(set) var lastFailureDetail: String?
    /// When faults absorbed by a retry happened, for the header's transient count.
    private var absorbedFaultTimes: [Date] = []
    public private(set) var connection: ConnectionState = .connecting
    public private(set) var statistics = SyncStatistics()

    private var requestsThisRefresh = 0
    /// How far back in time this refresh's feed pages reached.
    private var feedReached: Date?
    /// Whether the last feed page held few new or changed transactions.
    private var feedWasQuiet = false
    private var feedRequestsThisRefresh = 0
    private var wakeGeneration = 0
    private var sleeper: CheckedContinuation<Void, Never>?
    private var wakePending = false

    public init(api: SyncAPI, store: DeskStore, events: EventHub<DeskEvent>, settings: SyncSettings = SyncSettings(),
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Diagnostics.silent.logger("sync")) {
        self.api = api
        self.logger = logger
        self.store = store
        self.events = events
        self.settings = settings
        self.now = now
        pacer = RequestPacer(rate: settings.requestsPerSecond, capacity: Double(settings.requestsPerRefresh))
    }

    // MARK: Operator's view

    /// The customer on screen: refreshed first, starting now.
    public func focus(customerId: String?) {
        guard focusedCustomerId != customerId else { return }
        focusedCustomerId = customerId
        if customerId != nil { refreshNow() }
    }

    public func setVisible(customerIds: [String]) {
        visibleCustomerIds = customerIds
        visibleCursor = 0
    }

    /// Wakes the loop for a refresh at once (or right after the one in flight).
    public func refreshNow() {
        if let sleeper {
            self.sleeper = nil
            sleeper.resume()
        } else {
            wakePending = true
        }
    }

    public func update(settings newSettings: SyncSettings) {
        settings = newSettings
        pacer = RequestPacer(rate: newSettings.requestsPerSecond, capacity: Double(newSettings.requestsPerRefresh))
    }

    public var currentSettings: SyncSettings { settings }

    // MARK: Loop

    /// Refreshes until the task is cancelled, waiting the refresh interval between passes and
    /// backing off (exponentially, with jitter) while refreshes fail.
    public func run() async {
        while !Task.isCancelled {
            let succeeded = await refreshOnce()
            let wait = succeeded ? settings.refreshInterval : backoff()
            await sleep(for: wait)
        }
    }

    /// Every refresh interval, so that recovery shows within one; only an API that says it is
    /// rate-limiting (429) is given exponentially more time, with jitter.
    private func backoff() -> Duration {
        guard case .api(429, _, _, _)? = lastFailure else { return settings.refreshInterval }
        let failures = max(1, statistics.consecutiveFailures)
        let base = settings.refreshInterval * Double(1 << min(failures - 1, 5))
        let capped = min(base, settings.maxBackoff)
        return capped * Double.random(in: 0.5...1.0)
    }

    private func sleep(for duration: Duration) async {
        if wakePending {
            wakePending = false
            return
        }
        wakeGeneration += 1
        let generation = wakeGeneration
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                sleeper = continuation
                Task { [weak self] in
                    try? await Task.sleep(for: duration)
                    await self?.timerFired(generation: generation)
                }
            }
        } onCancel: {
            Task { [weak self] in await self?.refreshNow() }
        }
    }

    private func timerFired(generation: Int) {
        guard generation == wakeGeneration, let sleeper else { return }
        self.sleeper = nil
        sleeper.resume()
    }

    /// A following desk's loop: it fetches only the customer its operator has open, when it is
    /// opened or `r` asks (`focus`, `refreshNow`), within `followerRequestsPerFetch` and at most
    /// once per refresh interval. The feed and the background sweep are the poller's.
    public func runFollowing() async {
        while !Task.isCancelled {
            await sleep(for: .seconds(3600))
            guard !Task.isCancelled, focusedCustomerId != nil else { continue }
            await fetchFocusedOnce()
            try? await Task.sleep(for: settings.refreshInterval)
        }
    }

    /// One fetch of the customer on screen within the follower's budget; false when it failed.
    @discardableResult
    public func fetchFocusedOnce() async -> Bool {
        guard !refreshing, let focused = focusedCustomerId else { return true }
        refreshing = true
        defer { refreshing = false }
        requestsThisRefresh = max(0, settings.requestsPerRefresh - settings.followerRequestsPerFetch)
        return await recordingOutcome { try await self.refreshCustomer(focused) }
    }

    // MARK: One refresh

    /// One pass over the plan; returns false when it failed. A pass already in flight is not
    /// started twice.
    @discardableResult
    public func refreshOnce() async -> Bool {
        guard !refreshing else { return true }
        refreshing = true
        defer { refreshing = false }
        requestsThisRefresh = 0
        feedRequestsThisRefresh = 0
        feedReached = nil
        return await recordingOutcome {
            try await self.refreshFeed()
            if let focused = self.focusedCustomerId { try await self.refreshCustomer(focused) }
            try await self.refreshOpenDeposits()
            try await self.refreshBackground()
        }
    }

    /// Runs one pass and records how it ended: a spent budget is a success, being stopped is not a
    /// failure of the connection. Returns false when it failed.
    private func recordingOutcome(_ pass: () async throws -> Void) async -> Bool {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            try await pass()
            recordSuccess(duration: clock.now - started)
            return true
        } catch is BudgetSpent {
            recordSuccess(duration: clock.now - started)
            return true
        } catch {
            if Task.isCancelled { return true }
            recordFailure(error, duration: clock.now - started)
            return false
        }
    }

    private struct BudgetSpent: Error {}

    private var budgetLeft: Int { settings.requestsPerRefresh - requestsThisRefresh }

    /// One read within the budget; a transient failure is tried again (`retriesPerRequest`),
    /// and the header says `retrying · reason` from the first failure on.
    private func spend<Result>(feed: Bool = false, _ operation: () async throws(CalypsoError) -> Result) async throws -> Result {
        guard budgetLeft > 0 else { throw BudgetSpent() }
        var retry = 0
        while true {
            let wait = pacer.take()
            if wait > .zero { try await Task.sleep(for: wait) }
            requestsThisRefresh += 1
            statistics.requests += 1
            if feed { feedRequestsThisRefresh += 1 }
            do throws(CalypsoError) {
                let result = try await operation()
                if retry > 0 { recordAbsorbedFault() }
                return result
            } catch {
                guard error.isTransient, retry < settings.retriesPerRequest, !Task.isCancelled else { throw error }
                retry += 1
                statistics.retries += 1
                logger.info("request failed; retrying", metadata: ["reason": "\(error.description)", "retry": "\(retry)"])
                showRetrying(error)
                try await Task.sleep(for: settings.retryDelay * Double(1 << (retry - 1)) * Double.random(in: 1...1.5))
            }
        }
    }

    private func refreshFeed() async throws {
        let reserve = focusedCustomerId == nil ? 0 : 2
        let pages = max(1, min(settings.maxFeedPages, budgetLeft - reserve))
        let pageSize = feedWasQuiet ? settings.quietFeedPageSize : settings.feedPageSize
        try await fetchTransactions(customerId: nil, maxPages: pages, pageSize: pageSize, feed: true)
    }

    private func isFresh(_ customerId: String) -> Bool {
        guard let last = lastFetched[customerId] else { return false }
        return ContinuousClock.now - last < settings.rowFreshness
    }

    private func refreshCustomer(_ customerId: String) async throws {
        lastFetched[customerId] = ContinuousClock.now
        do {
            let purses = try await spend { () async throws(CalypsoError) in try await api.purses(customerId: customerId) }
            events.publish(try store.recordPurses(purses, customerId: customerId, at: now()))
            try await fetchTransactions(customerId: customerId, maxPages: settings.maxCustomerPages,
                                        pageSize: settings.customerPageSize, feed: false)
            try store.markSynced(customerId: customerId, at: now())
        } catch CalypsoError.notFound {
            // The API does not know this customer (forgotten or from another account): nothing to refresh.
        }
    }

    /// Newest first; stops at a page holding a known, unchanged transaction older than every
    /// transaction that may still change.
    private func fetchTransactions(customerId: String?, maxPages: Int, pageSize: Int, feed: Bool) async throws {
        let oldestOpen = try store.oldestOpenDepositDate(customerId: customerId)
        var page = 0
        while page < maxPages {
            let request = TransactionFindRequest(customerId: customerId, pageNumber: page, pageSize: pageSize, sort: .desc,
                                                 properties: "createdDate")
            let result = try await spend(feed: feed) { () async throws(CalypsoError) in try await api.findTransactions(request) }
            let known = try store.snapshots(ids: result.result.map(\.id))
            var reachedSettledHistory = false
            var news: [TransactionObservation] = []
            for tx in result.result {
                if feed, let created = tx.createdDate { feedReached = min(feedReached ?? created, created) }
                guard let snapshot = known[tx.id], snapshot.state == tx.transactionState, snapshot.compliance == tx.complianceState,
                      snapshot.credited == tx.translationToAccountCompleted,
                      snapshot.customerId != nil || (customerId ?? tx.customerId) == nil else {
                    news.append(TransactionObservation(tx, customerId: customerId))
                    continue
                }
                if let oldestOpen, let created = tx.createdDate, created >= oldestOpen { continue }
                reachedSettledHistory = true
            }
            events.publish(try store.apply(news, source: .poll, at: now()))
            if feed { feedWasQuiet = news.count * 2 < pageSize }
            if reachedSettledHistory || result.result.count < pageSize || page + 1 >= result.total { return }
            page += 1
        }
    }

    /// Deposits still open but older than what the feed pages reached: asked for one by one.
    private func refreshOpenDeposits() async throws {
        guard let feedReached else { return }
        let candidates = try store.openTransactionIds(createdBefore: feedReached, limit: 3)
        for id in candidates where budgetLeft > 0 {
            let key = "transaction:" + id
            if let last = lastFetched[key], ContinuousClock.now - last < settings.rowFreshness { continue }
            lastFetched[key] = ContinuousClock.now
            guard let stored = try store.transaction(id: id) else { continue }
            do {
                let tx = try await spend { () async throws(CalypsoError) in try await api.transaction(id: id) }
                events.publish(try store.apply([TransactionObservation(tx, customerId: stored.customerId)], source: .poll, at: now()))
            } catch CalypsoError.notFound {
                continue
            }
        }
    }

    /// Visible rows first, then recently active customers, then the sweep of everyone, within the
    /// background allowance: one customer (purses and transactions) per refresh by default.
    private func refreshBackground() async throws {
        backgroundAllowance = min(backgroundAllowance + settings.backgroundRequestsPerRefresh, 2 * max(2, settings.backgroundRequestsPerRefresh))
        func next(from ids: [String], cursor: inout Int) -> String? {
            guard !ids.isEmpty else { return nil }
            for _ in 0..<ids.count {
                let id = ids[cursor % ids.count]
                cursor += 1
                if id != focusedCustomerId, !isFresh(id) { return id }
            }
            return nil
        }
        while backgroundAllowance >= 2, budgetLeft >= 2 {
            let id: String
            if let visible = next(from: visibleCustomerIds, cursor: &visibleCursor) {
                id = visible
            } else if let active = next(from: try store.recentlyActiveCustomerIds(limit: 20), cursor: &activeCursor) {
                id = active
            } else if let swept = try nextToSweep() {
                id = swept
            } else {
                return
            }
            let before = requestsThisRefresh
            try await refreshCustomer(id)
            backgroundAllowance -= Double(max(1, requestsThisRefresh - before))
        }
    }

    /// The next customer of the round-robin sweep over everyone known, starting over when it ends.
    private func nextToSweep() throws -> String? {
        if sweepCursor >= sweepIds.count {
            sweepIds = try store.customerIds()
            sweepCursor = 0
        }
        while sweepCursor < sweepIds.count {
            let id = sweepIds[sweepCursor]
            sweepCursor += 1
            if id != focusedCustomerId, !isFresh(id) { return id }
        }
        return nil
    }

    // MARK: Bookkeeping

    private func recordSuccess(duration: Duration) {
        let time = now()
        lastSuccess = time
        failureStartedAt = nil
        lastFailure = nil
        lastFailureDetail = nil
        statistics.refreshes += 1
        statistics.consecutiveFailures = 0
        finishStatistics(duration: duration)
        let window = TimeInterval(settings.absorbedRetryWindow.components.seconds)
        absorbedFaultTimes.removeAll { time.timeIntervalSince($0) > window }
        forgetStaleFetchTimes()
        if !connection.isLive, connection != .connecting {
            logger.notice("sync recovered", metadata: ["after": "\(connection.text(now: time))"])
        }
        connection = .live(lastRefresh: time, retries: absorbedFaultTimes.count)
        statusUpdates.publish(Status(connection: connection, statistics: statistics))
    }

    private func recordAbsorbedFault() {
        statistics.absorbedFaults += 1
        absorbedFaultTimes.append(now())
    }

    /// Shown at once, while the retry waits; a refresh that then succeeds says `live` again.
    private func showRetrying(_ error: CalypsoError) {
        let retrying = ConnectionState.retrying(reason: error.summary, lastSuccess: lastSuccess)
        guard connection.isLive || connection == .connecting else { return }
        connection = retrying
        statusUpdates.publish(Status(connection: connection, statistics: statistics))
    }

    /// A fetch time older than `rowFreshness` no longer spares a request: drop it, so the map
    /// holds only the customers fetched lately rather than everyone ever fetched.
    private func forgetStaleFetchTimes() {
        let now = ContinuousClock.now, freshness = settings.rowFreshness
        lastFetched = lastFetched.filter { now - $0.value < freshness }
    }

    /// How many per-customer (and per-transaction) fetch times the engine holds.
    public var rememberedFetchTimes: Int { lastFetched.count }

    private func recordFailure(_ error: Error, duration: Duration) {
        let time = now()
        statistics.refreshes += 1
        statistics.failedRefreshes += 1
        statistics.consecutiveFailures += 1
        finishStatistics(duration: duration)
        let calypsoError = error as? CalypsoError
        lastFailure = calypsoError
        let reason = calypsoError.map(\.description) ?? String(describing: error)
        lastFailureDetail = reason
        let summary = calypsoError?.summary ?? reason
        if failureStartedAt == nil { failureStartedAt = time }
        logger.warning("refresh failed", metadata: ["reason": "\(reason)", "failuresInARow": "\(statistics.consecutiveFailures)"])
        if statistics.consecutiveFailures >= settings.failingAlertAfter || (lastSuccess == nil && statistics.consecutiveFailures > 1) {
            connection = .error(reason: summary, lastSuccess: lastSuccess)
        } else if let lastSuccess, statistics.consecutiveFailures > 1 {
            connection = .stale(lastSuccess: lastSuccess, reason: summary)
        } else {
            connection = .retrying(reason: summary, lastSuccess: lastSuccess)
        }
        if statistics.consecutiveFailures == settings.failingAlertAfter, let started = failureStartedAt {
            let alert = try? store.addAlert(
                kind: .syncFailing, transactionId: "sync:\(Int(started.timeIntervalSince1970))",
                message: "Sync failing for \(settings.failingAlertAfter) refreshes: \(reason)", at: time)
            if let alert { events.publish(.alert(alert)) }
        }
        statusUpdates.publish(Status(connection: connection, statistics: statistics))
    }

    private func finishStatistics(duration: Duration) {
        statistics.lastRefreshRequests = requestsThisRefresh
        statistics.maxRefreshRequests = max(statistics.maxRefreshRequests, requestsThisRefresh)
        statistics.lastFeedRequests = feedRequestsThisRefresh
        statistics.maxFeedRequests = max(statistics.maxFeedRequests, feedRequestsThisRefresh)
        statistics.lastRefreshDuration = duration
    }
}
