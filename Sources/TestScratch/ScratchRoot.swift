import Foundation

/// The directory under which this test process keeps its scratch files: removed when the process
/// exits (and, should it be killed, by the next run), so a run leaves nothing in $TMPDIR. Every
/// test target of the package runs in one process and shares it.
public enum ScratchRoot {
    public static let prefix = "pursedesk-tests-"

    public static let url: URL = {
        let temporary = FileManager.default.temporaryDirectory
        removeAbandoned(in: temporary)
        let root = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            // Again when a process the tests started was still writing into it.
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(ScratchRoot.prefix)\(getpid())")
            for _ in 0..<3 where FileManager.default.fileExists(atPath: root.path) { try? FileManager.default.removeItem(at: root) }
        }
        return root
    }()

    /// Roots of test processes that no longer run.
    private static func removeAbandoned(in temporary: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}
