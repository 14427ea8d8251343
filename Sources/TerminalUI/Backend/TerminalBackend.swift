/// The size of the terminal in cells.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Where frames are shown and keys come from: the real terminal or an in-memory fake.
/// Implementations are used from a single thread or task.
public protocol TerminalBackend: AnyObject {
    /// The current size; the app renders a buffer of this size.
    var size: TerminalSize { get }
    /// Shows a frame, sending only what changed since the previous one.
    func draw(_ buffer: CellBuffer)
    /// Waits up to `timeout` (nil: forever) for a key; nil when none arrived.
    func readKey(timeout: Duration?) -> Key?
    /// Gives the terminal back temporarily (e.g. to run $EDITOR).
    func suspend()
    /// Takes the terminal again after `suspend()` and redraws fully on the next frame.
    func resume()
    /// Puts `text` on the terminal's clipboard (OSC 52); call between frames, from the drawing thread.
    func copyToClipboard(_ text: String)
    /// Rings the terminal bell; call between frames, from the drawing thread.
    func ring()
    /// Signalled from other threads to end a `readKey` wait early; nil when the backend never blocks.
    var wakeSignal: WakeSignal? { get }
}

extension TerminalBackend {
    public var wakeSignal: WakeSignal? { nil }
}

/// Why the terminal UI could not start.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsupportedTerminal(String)

    public var description: String {
        switch self {
        case .unsupportedTerminal(let reason): "unsupported terminal: \(reason)"
        }
    }
}
