import Foundation

/// A program run to its end: its exit status, wall time and peak resident memory. The peak is
/// the child's own VmHWM, read from /proc every 10 ms while it runs: the kernel's ru_maxrss would
/// also count this process's memory, which a spawned child shares until it execs.
enum ChildProcess {
    struct Finished {
        var status: Int32
        var seconds: Double
        var peakRSSBytes: Int
        /// User plus system CPU time of the child: what it cost, whatever else the machine ran.
        var cpuSeconds: Double
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
        var peak = 0
        var usage = rusage()
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid || (reaped == -1 && errno != EINTR) { break }
            peak = max(peak, ProcessProbe.peakRSS(pid) ?? 0)
            usleep(10_000)
        }
        let seconds = BenchReport.milliseconds(clock.now - started) / 1000
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Finished(status: (status >> 8) & 0xff, seconds: seconds, peakRSSBytes: peak, cpuSeconds: cpu,
                        standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}
