import CalypsoAPI
import Foundation

/// Runs the built `pursedesk` executable, the way a user or a script would.
struct PursedeskBinary {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Next to the test bundle in `.build/<config>/`.
    static var url: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, bundleDirectory.deletingLastPathComponent(), repositoryRoot.appendingPathComponent(".build/debug")]
        for directory in candidates {
            let binary = directory.appendingPathComponent("pursedesk")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/pursedesk")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs to completion with the given environment only (plus PATH and HOME pointing at a scratch directory).
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                    timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let outputData = Locked(Data()), errorData = Locked(Data())
        let group = DispatchGroup()
        for (pipe, sink) in [(stdout, outputData), (stderr, errorData)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                sink.withLock { $0 = data }
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, output: String(decoding: outputData.current, as: UTF8.self),
                      error: String(decoding: errorData.current, as: UTF8.self))
    }
}
