import ArgumentParser
import Foundation
import TeamStore

extension TeamCommand {
    struct Compact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the account's changes older than --keep-days from the team's change log.",
            discussion: """
                The desk that polls does this hourly with 7 days. A desk whose replica is older than what was removed \
                resyncs from the team's tables when it opens, so nothing is missed.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("keep-days"), help: "Keep the changes of this many last days (0 keeps only the newest change).")
        var keepDays: Double = 7

        func validate() throws {
            guard keepDays >= 0, keepDays <= 3650 else { throw ValidationError("--keep-days must be 0–3650") }
        }

        func run() async throws {
            try await runReporting {
                let team = try TeamCommand.team(try CommandContext(global))
                let keep = Duration.milliseconds(Int64(keepDays * 86_400_000))
                let result = try await teamCall { () async throws(TeamStoreError) in try await team.compact(keeping: keep) }
                await team.close()
                if global.json { return try Output.json(CompactionSummary(result)) }
                print("\(team.url) (\(team.account)): removed \(result.removed) changes; the log keeps \(result.remaining)"
                      + (result.horizon > 0 ? ", from #\(result.horizon + 1) on (desks behind it resync when they open)" : ""))
            }
        }
    }

    struct CompactionSummary: Encodable {
        var removed: Int
        var compactedThrough: Int64
        var remaining: Int
        init(_ result: TeamStore.Compaction) {
            removed = result.removed
            compactedThrough = result.horizon
            remaining = result.remaining
        }
    }
}
