import CalypsoAPI
import CalypsoSandbox
import Foundation
import Testing

@Suite struct ReferenceClientScriptTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func pythonReferenceClientTalksToTheSandbox() async throws {
        try await withSandbox { server, _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Self.repositoryRoot.appendingPathComponent("scripts/reference_client.py").path,
                                 server.baseURL.absoluteString, server.account, server.apiKey]
            var environment = ProcessInfo.processInfo.environment
            environment["CALYPSO_API_SECRET"] = server.apiSecret
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            let exit = try Self.start(process)
            let data = await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile()) }.start()
            }
            await exit.value
            let text = String(decoding: data, as: UTF8.self)

            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("transactions 0 pages 0"))
            #expect(text.hasSuffix("ok\n"))
            let state = await server.state()
            let customer = try #require(state.customers.first { $0.email == "reference@example.test" })
            let purse = try #require(state.purses.first { $0.customerId == customer.id })
            #expect(text.contains("customer \(customer.id)") && text.contains("address \(purse.purse.address ?? "?")"))
        }
    }

    @Test func secretIsNeverTakenFromTheCommandLine() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repositoryRoot.appendingPathComponent("scripts/reference_client.py").path,
                             "http://127.0.0.1:9", "0x1111111111111111111111111111111111111111", "key", "secret"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CALYPSO_API_SECRET")
        process.environment = environment
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try await Self.start(process).value
        #expect(process.terminationStatus == 2)
    }

    /// Runs the process; the task ends when it has exited (its termination handler), so no
    /// thread of the test pool waits on it.
    static func start(_ process: Process) throws -> Task<Void, Never> {
        let (exited, signal) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in signal.finish() }
        try process.run()
        return Task { for await _ in exited {} }
    }
}
