import ArgumentParser

@main
struct Pursedesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pursedesk",
        abstract: "A terminal dashboard and command line for Calypso Pay customer wallets.",
        discussion: """
            Credentials come from CALYPSO_BASE_URL, CALYPSO_ACCOUNT, CALYPSO_API_KEY and CALYPSO_API_SECRET \
            (or CALYPSO_API_SECRET_FILE), or from a profile in $XDG_CONFIG_HOME/pursedesk/config.toml.
            Exit status: 0 success, 1 API or network failure, 2 bad configuration, 3 authentication failed, \
            4 not found, 64 bad arguments.
            """,
        version: "0.1.0",
        subcommands: [
            DashboardCommand.self, CustomerCommand.self, PurseCommand.self, TransactionCommand.self, WhoAmICommand.self, SnapshotCommand.self,
            SyncCommand.self, SandboxCommand.self, BenchCommand.self,
            AuditCommand.self, AlertsCommand.self, DoctorCommand.self, TeamCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}
