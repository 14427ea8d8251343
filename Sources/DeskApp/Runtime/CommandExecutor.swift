import CalypsoAPI
import DeskModel
import Foundation

/// The only place that does I/O for the dashboard: store reads, engine hints, operator actions,
/// and themes. Results come back through `post` as messages. (The clipboard and the bell are the
/// terminal's: `DashboardLoop` sends them through the backend.)
public final class CommandExecutor: Sendable {
    private let session: DeskSession
    private let themes: ThemeCatalog
    private let post: @Sendable (AppMessage) -> Void
    /// Reads and actions started and not yet answered (lazygit's busy count).
    private let inFlight = Locked(0)

    public init(session: DeskSession, themes: ThemeCatalog, post: @escaping @Sendable (AppMessage) -> Void) {
        self.session = session
        self.themes = themes
        self.post = post
    }

    /// Nothing this executor started is still running.
    public var isIdle: Bool { inFlight.current == 0 }

    /// Counts `work` as in flight until it has posted its answer.
    private func tracked(_ work: @escaping @Sendable () async -> Void) {
        let inFlight = self.inFlight
        inFlight.withLock { $0 += 1 }
        Task.detached {
            await work()
            inFlight.withLock { $0 -= 1 }
        }
    }

    public func execute(_ command: AppCommand) {
        let store = session.store, engine = session.engine
        switch command {
        case .quit: break
        case .copy, .bell: break  // sent through the backend by DashboardLoop
        case .loadAccounts, .switchAccount: break  // the SessionSwitcher's
        case .focus(let id): Task { await engine.focus(customerId: id) }
        case .setVisible(let ids): Task { await engine.setVisible(customerIds: ids) }
        case .refreshNow: Task { await engine.refreshNow() }
        case .loadCustomers:
            let post = self.post
            read("customers") {
                post(.customerPreviewLoaded(try store.previewCustomers(limit: CustomerList.previewSize)))
                return .customerTableLoaded(CustomerList(table: try store.customerTable()))
            }
        case .computeCustomerRows(let work):
            let post = self.post
            tracked { post(.customerRowsComputed(work.computed())) }
        case .reloadCustomers(let ids): read("customers") { .customersUpdated(try ids.compactMap(store.customer(id:))) }
        case .loadCounts: read("counts") { .countsLoaded(try store.counts()) }
        case .loadDetail(let id):
            read("customer \(id.prefix(8))") {
                .detailLoaded(CustomerDetailData(customerId: id, customer: try store.customer(id: id), purses: try store.purses(customerId: id),
                                                 transactions: try store.transactions(customerId: id, limit: 200),
                                                 caseNotes: try store.caseHistory(customerId: id).filter(\.isCaseNote).map(OperatorName.resolving)))
            }
        case .loadTransaction(let id):
            read("transaction") {
                guard let tx = try store.transaction(id: id) else { return .failed("transaction \(id) is not in the local store") }
                return .transactionLoaded(TransactionDetailData(transaction: tx, history: try store.stateChanges(transactionId: id)))
            }
        case .loadAlerts: read("alerts") { .alertsLoaded(try store.alertsUnacknowledgedFirst(limit: 500)) }
        case .loadAudit: read("audit log") { .auditLoaded(try store.auditLog(limit: 500).map(OperatorName.resolving)) }
        case .loadOverview: read("overview") { .overviewLoaded(try store.overview(now: Date())) }
        case .acknowledgeAlerts(let ids): acknowledge(ids)
        case .loadFeedHistory: read("feed") { .feedHistoryLoaded(try store.recentTransactions(limit: 200)) }
        case .loadTheme(let name):
            let themes = self.themes
            read("theme") {
                do { return .themeLoaded(try themes.load(name)) } catch { return .failed("theme not changed: \(error)") }
            }
        case .block(let ids, let reason): changeBlock(ids, blocking: true, reason: reason)
        case .unblock(let ids, let reason): changeBlock(ids, blocking: false, reason: reason)
        case .addNote(let customerId, let text): addNote(customerId, text)
        case .requestAddress(let customerId, let currency): requestAddress(customerId, currency)
        case .createCustomer(let draft): create(draft)
        case .updateCustomer(let id, let draft): update(id, draft)
        case .exportDeposits(let id):
            let directory = session.exportDirectory
            read("deposits") {
                do {
                    let (path, rows) = try DepositExport(customerId: id).writeNewFile(from: store, in: directory)
                    return .actionFinished(.succeeded("exported \(rows) deposit\(rows == 1 ? "" : "s") to \(path)"))
                } catch {
                    return .actionFinished(.failed("export failed: \(error)"))
                }
            }
        }
    }

    private func read(_ what: String, _ body: @escaping @Sendable () throws -> AppMessage) {
        let post = self.post
        tracked {
            do { post(try body()) } catch { post(.failed("cannot read the \(what) from the local store: \(error)")) }
        }
    }

    private func withActions(_ body: @escaping @Sendable (OperatorActions) async -> ActionOutcome) {
        let post = self.post
        guard let actions = session.actions else {
            post(.actionFinished(.failed(OperatorActions.Failure.readOnly.description)))
            return
        }
        tracked { post(.actionFinished(await body(actions))) }
    }

    private func name(_ id: String) -> String {
        (try? session.store.customer(id: id))?.flatMap(\.email) ?? String(id.prefix(8))
    }

    private func changeBlock(_ ids: [String], blocking: Bool, reason: String?) {
        let confirmation = Confirmation.confirmed(by: OperatorActions.osUser)
        let verb = blocking ? "blocked" : "unblocked"
        withActions { [self] actions in
            var failures: [String] = []
            for id in ids {
                do {
                    if blocking {
                        _ = try await actions.block(customerId: id, confirmation: confirmation, reason: reason)
                    } else {
                        _ = try await actions.unblock(customerId: id, confirmation: confirmation, reason: reason)
                    }
                } catch {
                    failures.append("\(name(id)): \(error)")
                }
            }
            guard !failures.isEmpty else { return .succeeded(ids.count == 1 ? "\(verb) \(name(ids[0]))" : "\(verb) \(ids.count) customers") }
            let done = ids.count - failures.count
            return .failed("\(done) of \(ids.count) \(verb); failed: \(failures.joined(separator: "; "))")
        }
    }

    private func addNote(_ customerId: String, _ text: String) {
        withActions { [self] actions in
            do {
                try await actions.addNote(customerId: customerId, text: text)
                return .succeeded("note saved on \(name(customerId))")
            } catch {
                return .failed("note not saved: \(error)")
            }
        }
    }

    /// Acknowledging needs no request to Calypso, only the store, so it works offline too (unless read-only).
    private func acknowledge(_ ids: [Int64]) {
        let store = session.store, post = self.post
        guard session.actions != nil else {
            post(.actionFinished(.failed(OperatorActions.Failure.readOnly.description)))
            return
        }
        tracked {
            do {
                let changed = try store.acknowledgeAlerts(ids: ids, by: OperatorActions.osUser)
                post(.actionFinished(.succeeded(changed == 1 ? "alert acknowledged" : "\(changed) alerts acknowledged")))
            } catch {
                post(.actionFinished(.failed("alerts not acknowledged: \(error)")))
            }
        }
    }

    private func requestAddress(_ customerId: String, _ currency: Currency) {
        withActions { [self] actions in
            do {
                let issued = try await actions.issueAddress(customerId: customerId, currency: currency)
                return .addressIssued(AddressAnswer(customer: name(customerId), currency: currency.rawValue, address: issued.purse.address,
                                                    isNew: issued.freshness == .new))
            } catch {
                return .failed("no \(currency.rawValue) address for \(name(customerId)): \(error)")
            }
        }
    }

    private func create(_ draft: CustomerDraft) {
        withActions { actions in
            do {
                let customer = try await actions.createCustomer(
                    CustomerCreateRequest(email: draft.email, description: draft.description, externalId: draft.externalId))
                return .succeeded("created customer \(customer.email ?? String(customer.id.prefix(8)))")
            } catch {
                return .failed("customer not created: \(error)")
            }
        }
    }

    private func update(_ id: String, _ draft: CustomerDraft) {
        withActions { actions in
            do {
                let customer = try await actions.updateCustomer(id: id, email: draft.email, description: draft.description,
                                                                externalId: draft.externalId)
                return .succeeded("saved customer \(customer.email ?? String(customer.id.prefix(8)))")
            } catch {
                return .failed("customer not saved: \(error)")
            }
        }
    }
}
