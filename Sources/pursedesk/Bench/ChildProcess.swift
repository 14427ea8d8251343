import Foundation

/// A program run to its end with posix_spawn and wait4: its exit status, wall time and peak
/// resident memory (the kernel's ru_maxrss for that one child).
enum ChildProcess {
    struct Finished {
        var status: Int32
        var seconds: Double
        var peakRSSBytes: Int
        var standardError: String
    }

    static func run(_ argv: [String], environment: [String: String], scratch: URL) throws -> Finished {
        let errorFile = scratch.appendingPathComponent("child-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let clock = ContinuousClock()
        let started = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, arguments, variables)
        guard spawned == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot start \(argv[0]): \(spawned)"]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = BenchReport.milliseconds(clock.now - started) / 1000
        return Finished(status: (status >> 8) & 0xff, seconds: seconds, peakRSSBytes: usage.ru_maxrss * 1024,
                        standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}
