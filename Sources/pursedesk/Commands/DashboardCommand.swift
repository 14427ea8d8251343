import ArgumentParser
import DeskApp
import DeskModel
import Foundation
import TerminalUI

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (what plain `pursedesk` does).",
        discussion: """
            Without credentials it starts an embedded sandbox with live traffic (marked SANDBOX). \
            Press ? inside for the keys; docs/KEYS.md lists them and how to remap them in the config's [keys] table.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Disable everything that changes data (block, unblock, new address, create, edit, acknowledge).") var readonly = false
    @Option(help: "Colour theme: dark, light, high-contrast, monochrome, or NAME.toml in $XDG_CONFIG_HOME/pursedesk/themes.")
    var theme: String?
    @Flag(help: "Show what is stored locally; make no requests (implies --readonly).") var offline = false
    @Option(help: "Open on this view instead of the overview: \(ViewRegistry.commandNames.joined(separator: ", ")).") var view: String?
    @Flag(help: "Start the embedded demo sandbox over: forget its saved customers, deposits and audit log.") var fresh = false
    @Option(name: .customLong("webhook-listen"), help: "Also receive webhooks on HOST:PORT (secrets from the config).")
    var webhookListen: String?

    func validate() throws {
        if let webhookListen, WebhookReceiver.parseListenAddress(webhookListen) == nil {
            throw ValidationError("--webhook-listen must be HOST:PORT, e.g. 127.0.0.1:8088")
        }
        if offline && webhookListen != nil { throw ValidationError("--offline receives nothing; drop --webhook-listen") }
        if let view, !ViewRegistry.commandNames.contains(view.lowercased()) {
            throw ValidationError("--view \(view): no such view (views: \(ViewRegistry.commandNames.joined(separator: ", ")))")
        }
    }

    func run() async throws {
        try await runReporting {
            try TerminalCheck.requireInteractiveTerminal()
            let context = try CommandContext(global)
            if offline && context.configuration.credentials == nil {
                throw CommandFailure(message: "--offline shows a configured account's stored data, but no credentials are configured",
                                     exitCode: ExitStatus.configuration)
            }
            let catalog = ThemeCatalog()
            var warnings: [String] = []
            let chosenTheme: Theme
            do {
                chosenTheme = try catalog.load(theme ?? context.configuration.theme)
            } catch {
                warnings.append("\(error); using the default theme")
                chosenTheme = .standard
            }
            for warning in warnings { Terminal.printError("warning: \(warning)") }

            if context.configuration.credentials == nil, try TeamMode.storeURL(context) != nil {
                throw CommandFailure(message: "team mode needs an account shared by the team: configure credentials (or start `pursedesk sandbox` and use its exports)",
                                     exitCode: ExitStatus.configuration)
            }
            let launch = context.configuration.credentials == nil
                ? try await DashboardLaunch.sandbox(context, readOnly: readonly, fresh: fresh)
                : try await DashboardLaunch.remote(context, readOnly: readonly, offline: offline)
            let session = launch.session
            let receiver: WebhookReceiver?
            do {
                receiver = offline ? nil : try await WebhookListening.start(webhookListen, context, store: session.store, events: session.events,
                                                                           sink: launch.webhookSink)
            } catch {
                await launch.stop()
                throw error
            }
            if let receiver {
                warnings.append("receiving webhooks on \(receiver.url.absoluteString)")
                launch.accounts?.onSwitch { session in receiver.retarget(store: session.store, events: session.events) }
            }
            let readOnlyReason: String? = offline ? "offline" : (readonly ? "read-only" : nil)
            let explorers: ExplorerLinks
            do throws(ExplorerLinks.ConfigurationError) {
                explorers = try ExplorerLinks(overrides: context.configuration.explorers.mapValues {
                    ["tx": $0.transaction, "address": $0.address].compactMapValues { $0 }
                })
            } catch {
                await receiver?.stop()
                await launch.stop()
                throw CommandFailure(message: error.description, exitCode: ExitStatus.configuration)
            }
            let links = context.configuration.links
            let setup = AppState.Setup(
                account: session.account, sourceLabel: session.source.label, isSandbox: session.source == .embeddedSandbox,
                readOnlyReason: readOnlyReason, offline: offline, refreshInterval: session.refreshInterval,
                currencies: session.currencies.map { CurrencyOption(currency: $0.currency, blockchain: $0.blockchain) }, theme: chosenTheme, keyBindings: context.configuration.keyBindings,
                warnings: warnings + launch.warnings, size: TerminalSize(width: 80, height: 24), bell: context.configuration.bell,
                startView: view, explorers: explorers)
            do {
                try await DashboardRunner.run(session: session, setup: setup, themes: catalog, accounts: launch.accounts) {
                    try NcursesBackend(hyperlinks: links)
                }
            } catch {
                await receiver?.stop()
                await launch.stop()
                throw CommandFailure(message: "\(error)", exitCode: 1)
            }
            await receiver?.stop()
            await launch.stop()
        }
    }
}
