import ArgumentParser
import CalypsoAPI
import Logging

/// One log line per API request: method, path, try, status, duration, response size and the
/// failure. Never the body (it may hold personal data) and never the signature or the secret.
enum RequestLogging {
    static func record(_ entry: RequestLogEntry, to logger: Logger) {
        var metadata: Logger.Metadata = [
            "try": "\(entry.attempt)", "status": "\(entry.status.map(String.init) ?? "none")",
            "ms": "\(Int(entry.milliseconds.rounded()))", "bytes": "\(entry.responseBytes)",
        ]
        if let error = entry.error { metadata["error"] = "\(error)" }
        let succeeded = entry.error == nil
        logger.log(level: succeeded ? .info : .warning, "\(entry.method) \(entry.path)", metadata: metadata)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
