import CNcursesw
import Foundation

/// The real terminal through wide-character ncurses. Flushes only the cells that changed since the
/// previous frame, with `wnoutrefresh` + `doupdate`.
///
/// `@unchecked Sendable`: ncurses keeps global state and is not thread-safe, so every call on an
/// instance must come from one thread or task; the type is Sendable only so it can be handed to it.
public final class NcursesBackend: TerminalBackend, @unchecked Sendable {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let colors: ColorMapper
    private var previous: CellBuffer?
    private var needsFullRedraw = true
    private var isActive = true

    public private(set) var size: TerminalSize
    /// How many cells the last `draw` handed to ncurses (ncurses owns the output stream, so bytes
    /// are not counted here; measure them outside, e.g. with `script` or tmux `pipe-pane`).
    public private(set) var lastFrameCellsWritten = 0

    /// Starts ncurses on standard input and output, or throws `TerminalError.unsupportedTerminal`
    /// when `TERM` is missing or "dumb", the standard streams are not a terminal, or ncurses refuses.
    /// With `NO_COLOR` set and non-empty, only attributes are used.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError.unsupportedTerminal("TERM is unset or \"dumb\"; run it in a terminal emulator")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.unsupportedTerminal("standard input and output must be a terminal")
        }
        setlocale(LC_ALL, "")
        var savedTermios = termios()
        let hasTermios = tcgetattr(STDOUT_FILENO, &savedTermios) == 0

        // The streams get their own descriptors so closing them later leaves stdin and stdout open.
        guard let output = fdopen(dup(STDOUT_FILENO), "w") else {
            throw TerminalError.unsupportedTerminal("could not open the terminal for output")
        }
        guard let input = fdopen(dup(STDIN_FILENO), "r") else {
            fclose(output)
            throw TerminalError.unsupportedTerminal("could not open the terminal for input")
        }
        guard let screen = newterm(term, output, input) else {
            fclose(output)
            fclose(input)
            throw TerminalError.unsupportedTerminal("ncurses does not know TERM=\(term)")
        }
        set_term(screen)
        self.screen = screen
        self.output = output
        self.input = input
        self.window = pd_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = ColorMapper(colorCount: Int(pd_colors()))
        } else {
            colors = ColorMapper(colorCount: 0)
        }
        size = TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        TerminalRestorer.arm(outputFD: STDOUT_FILENO, savedTermios: hasTermios ? savedTermios : nil)
    }

    deinit {
        shutdown()
    }

    /// Restores the terminal and releases ncurses; the backend is unusable afterwards.
    public func shutdown() {
        guard isActive else { return }
        isActive = false
        TerminalRestorer.restore()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    public func draw(_ buffer: CellBuffer) {
        guard isActive else { return }
        let fullRedraw = needsFullRedraw || previous?.width != buffer.width || previous?.height != buffer.height
        if fullRedraw { wclear(window) }
        let runs = BufferDiff.runs(from: fullRedraw ? nil : previous, to: buffer)
        var attributeCache: [Style: (attr_t, Int32)] = [:]
        var cellsWritten = 0
        for run in runs where run.row < size.height {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                let x = run.startX + offset
                guard x < size.width else { break }
                let attributes = attributeCache[cell.style] ?? attributes(for: cell.style)
                attributeCache[cell.style] = attributes
                write(cell, y: run.row, x: x, attributes: attributes)
                cellsWritten += 1
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        needsFullRedraw = false
        lastFrameCellsWritten = cellsWritten
    }

    public let wakeSignal: WakeSignal? = WakeSignal()

    public func readKey(timeout: Duration?) -> Key? {
        guard isActive else { return nil }
        // A key ncurses already buffered comes first; otherwise sleep until the terminal has
        // input, the wake signal fires, or the timeout ends (a resize interrupts the wait too).
        wtimeout(window, 0)
        var value: wint_t = 0
        var status = wget_wch(window, &value)
        if status == pd_err(), let wake = wakeSignal {
            var descriptors = [pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0)]
            _ = poll(&descriptors, 2, timeout.map(Self.milliseconds) ?? -1)
            if descriptors[1].revents != 0 { wake.drain() }
            status = wget_wch(window, &value)
        }
        guard let key = KeyDecoder.decode(status: status, value: UInt32(truncatingIfNeeded: value)) else { return nil }
        if key == .resize {
            size = TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            needsFullRedraw = true
        }
        return key
    }

    public func suspend() {
        guard isActive else { return }
        endwin()
    }

    public func resume() {
        guard isActive else { return }
        needsFullRedraw = true
        doupdate()
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    /// The ncurses attributes and colour pair for a style.
    private func attributes(for style: Style) -> (attr_t, Int32) {
        var attributes = pd_attr_normal()
        if style.bold { attributes |= pd_attr_bold() }
        if style.dim { attributes |= pd_attr_dim() }
        if style.underline { attributes |= pd_attr_underline() }
        if style.reverse { attributes |= pd_attr_reverse() }
        guard colors.colorCount > 0 else { return (attributes, 0) }
        let fg = colors.number(for: style.fg ?? .default)
        let bg = colors.number(for: style.bg ?? .default)
        guard fg != -1 || bg != -1 else { return (attributes, 0) }
        let pair = alloc_pair(fg, bg)
        return (attributes, max(0, pair))
    }

    private func write(_ cell: Cell, y: Int, x: Int, attributes: (attr_t, Int32)) {
        var pair = attributes.1
        let scalars = (cell.character ?? " ").unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        var characters = Array(scalars.prefix(Int(pd_ccharw_max()))) + [0]
        var cchar = cchar_t()
        // ncurses only accepts one spacing character followed by combining marks; emoji ZWJ
        // sequences and the like are sent as their first scalar.
        if setcchar(&cchar, &characters, attributes.0, 0, &pair) == pd_err() {
            characters = [characters[0], 0]
            _ = setcchar(&cchar, &characters, attributes.0, 0, &pair)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &cchar)
    }
}
