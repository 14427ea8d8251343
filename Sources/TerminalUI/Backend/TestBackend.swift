/// An in-memory terminal of fixed size that records every frame and replays queued keys.
public final class TestBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    /// Every frame drawn, oldest first.
    public private(set) var frames: [CellBuffer] = []
    /// Keys `readKey` will return, first in first out.
    public var pendingKeys: [Key] = []
    /// How many times `suspend()` was called.
    public private(set) var suspendCount = 0
    /// Whether the terminal is currently suspended.
    public private(set) var isSuspended = false
    /// Every text put on the clipboard, oldest first.
    public private(set) var clipboard: [String] = []
    /// How many times the bell rang.
    public private(set) var bellCount = 0

    /// Creates a test terminal.
    public init(width: Int, height: Int) {
        self.size = TerminalSize(width: width, height: height)
    }

    /// The last frame drawn.
    public var lastFrame: CellBuffer? { frames.last }

    public func draw(_ buffer: CellBuffer) {
        frames.append(buffer)
    }

    /// Returns the next queued key, ignoring the timeout.
    public func readKey(timeout: Duration?) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func copyToClipboard(_ text: String) {
        clipboard.append(text)
    }

    public func ring() {
        bellCount += 1
    }

    public func suspend() {
        suspendCount += 1
        isSuspended = true
    }

    public func resume() {
        isSuspended = false
    }

    /// Changes the size and queues a `.resize` key, as a real terminal would.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        pendingKeys.append(.resize)
    }
}
