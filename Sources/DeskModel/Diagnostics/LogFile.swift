import Foundation

/// An append-only log file with a size cap: when the next line would pass `maxBytes`, the file
/// becomes `NAME.1` (the older ones shift up to `NAME.<keep>`, the oldest is dropped) and a new
/// one starts. Created owner-only. Every line passes through `redact` first, so a secret that
/// reached a message by mistake is still never written.
public final class LogFile: @unchecked Sendable {
    public let url: URL
    public let maxBytes: Int
    public let keep: Int
    private let lock = NSLock()
    private var handle: FileHandle?
    private var size = 0
    private let secrets: [String]

    /// `secrets`: strings to replace with `<redacted>` wherever they appear (the API secret, webhook secrets).
    public init(url: URL, maxBytes: Int = 4 * 1024 * 1024, keep: Int = 3, secrets: [String] = []) throws {
        self.url = url
        self.maxBytes = max(1024, maxBytes)
        self.keep = max(1, keep)
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try open()
    }

    deinit { try? handle?.close() }

    /// `$XDG_STATE_HOME/pursedesk/pursedesk.log`, by default `~/.local/state/pursedesk/pursedesk.log`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0, isDirectory: true) : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true).appendingPathComponent(".local/state")
        return state.appendingPathComponent("pursedesk/pursedesk.log")
    }

    public func write(_ line: String) {
        let data = Data((redact(line) + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        if size > 0, size + data.count > maxBytes { rotate() }
        guard let handle else { return }
        do {
            try handle.write(contentsOf: data)
            size += data.count
        } catch {
            // A full disk must not take the dashboard down; the log simply stops growing.
        }
    }

    func redact(_ line: String) -> String {
        var text = line.replacingOccurrences(of: "\n", with: " ⏎ ")
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return text
    }

    private func open() throws {
        let path = url.path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        size = Int(try handle.seekToEnd())
        self.handle = handle
    }

    private func rotate() {
        try? handle?.close()
        handle = nil
        let manager = FileManager.default
        func numbered(_ index: Int) -> String { url.path + ".\(index)" }
        try? manager.removeItem(atPath: numbered(keep))
        if keep > 1 {
            for index in stride(from: keep - 1, through: 1, by: -1) where manager.fileExists(atPath: numbered(index)) {
                try? manager.moveItem(atPath: numbered(index), toPath: numbered(index + 1))
            }
        }
        try? manager.moveItem(atPath: url.path, toPath: numbered(1))
        size = 0
        try? open()
    }
}
