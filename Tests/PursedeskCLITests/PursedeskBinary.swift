import CalypsoAPI
import Foundation
import TmuxDriver

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

    /// Runs to completion with the given environment only (plus PATH and HOME pointing at a scratch
    /// directory), holding no thread of the cooperative pool while it runs; terminated after `timeout`.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                    timeout: TimeInterval = 60) async throws -> Result {
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
        let exit = try process.start()
        let pid = process.processIdentifier
        let deadline = Task {
            try await Task.sleep(for: .seconds(timeout))
            kill(pid, SIGTERM)
        }
        defer { deadline.cancel() }
        async let output = stdout.fileHandleForReading.readAll()
        async let error = stderr.fileHandleForReading.readAll()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let (outputData, errorData) = await (output, error)
        await exit.wait()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }
}
