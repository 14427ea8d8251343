import CNcursesw
import Foundation

/// The real terminal through wide-character ncurses. Flushes only the cells that changed since the
/// previous frame, with `wnoutrefresh` + `doupdate`; then rewrites the changed cells that carry an
/// OSC 8 hyperlink itself (see `writeHyperlinks`), since ncurses cannot.
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
    /// Whether cells' links are sent as OSC 8 hyperlinks: asked for, the terminal is not known to
    /// mishandle them (`HyperlinkSupport`), and it can address the cursor.
    public let hyperlinks: Bool
    /// How many cells the last `draw` handed to ncurses (ncurses owns the output stream, so bytes
    /// are not counted here; measure them outside, e.g. with `script` or tmux `pipe-pane`).
    public private(set) var lastFrameCellsWritten = 0

    /// Starts ncurses on standard input and output (or the given terminal descriptors), or throws
    /// `TerminalError.unsupportedTerminal` when `TERM` is missing or "dumb", the streams are not a
    /// terminal, or ncurses refuses. With `NO_COLOR` set and non-empty, only attributes are used.
    /// `hyperlinks: false` never sends OSC 8 links.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, hyperlinks: Bool = true,
                inputDescriptor: Int32 = STDIN_FILENO, outputDescriptor: Int32 = STDOUT_FILENO) throws {
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError.unsupportedTerminal("TERM is unset or \"dumb\"; run it in a terminal emulator")
        }
        guard isatty(inputDescriptor) == 1, isatty(outputDescriptor) == 1 else {
            throw TerminalError.unsupportedTerminal("standard input and output must be a terminal")
        }
        setlocale(LC_ALL, "")
        var savedTermios = termios()
        let hasTermios = tcgetattr(outputDescriptor, &savedTermios) == 0

        // The streams get their own descriptors so closing them later leaves stdin and stdout open.
        guard let output = fdopen(dup(outputDescriptor), "w") else {
            throw TerminalError.unsupportedTerminal("could not open the terminal for output")
        }
        guard let input = fdopen(dup(inputDescriptor), "r") else {
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
        self.hyperlinks = hyperlinks && HyperlinkSupport.isLikelySupported(environment: environment)
            && pd_cursor_address(0, 0) != nil
        TerminalRestorer.arm(outputFD: outputDescriptor, savedTermios: hasTermios ? savedTermios : nil)
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
        if hyperlinks {
            writeHyperlinks(HyperlinkRuns.runs(in: runs, previous: fullRedraw ? nil : previous, size: size), attributeCache: &attributeCache)
        }
        previous = buffer
        needsFullRedraw = false
        lastFrameCellsWritten = cellsWritten
    }

    public let wakeSignal: WakeSignal? = WakeSignal()

    /// ncurses' `beep`: the terminal's `bel` (or `flash` where it has no bell).
    public func ring() {
        guard isActive else { return }
        beep()
    }

    public func copyToClipboard(_ text: String) {
        guard isActive else { return }
        writeToTerminal(Array(Clipboard.sequence(for: text).utf8))
    }

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
        var (cchar, _) = Self.cchar(for: cell, attributes: attributes)
        mvwadd_wch(window, Int32(y), Int32(x), &cchar)
    }

    /// The ncurses character for a cell, and the scalars it holds.
    private static func cchar(for cell: Cell, attributes: (attr_t, Int32)) -> (cchar_t, [wchar_t]) {
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
        return (cchar, Array(characters.dropLast()))
    }

    /// Rewrites linked cells inside OSC 8 sequences, after `doupdate` has drawn the frame and
    /// flushed. Everything goes into one buffer written in one go, and ncurses is left believing
    /// what is true: colours and attributes are set through `vid_puts` (which records them) and
    /// end normal, as `doupdate` leaves them, and the cursor goes back to where `doupdate` put it.
    private func writeHyperlinks(_ runs: [HyperlinkRun], attributeCache: inout [Style: (attr_t, Int32)]) {
        guard !runs.isEmpty else { return }
        TerminalOutput.bytes.removeAll(keepingCapacity: true)
        for run in runs {
            guard let move = pd_cursor_address(Int32(run.row), Int32(run.startX)) else { return }
            tputs(move, 1, TerminalOutput.collect)
            if let link = run.link { TerminalOutput.bytes += Array(link.openSequence.utf8) }
            var currentStyle: Style?
            for cell in run.cells where !cell.isContinuation {
                let attributes = attributeCache[cell.style] ?? attributes(for: cell.style)
                attributeCache[cell.style] = attributes
                if cell.style != currentStyle {
                    var pair = attributes.1
                    vid_puts(attributes.0, Int16(truncatingIfNeeded: pair), &pair, TerminalOutput.collect)
                    currentStyle = cell.style
                }
                let (_, characters) = Self.cchar(for: cell, attributes: attributes)
                for character in characters {
                    guard let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else { continue }
                    TerminalOutput.bytes += Array(String(scalar).utf8)
                }
            }
            if run.link != nil { TerminalOutput.bytes += Array(Hyperlink.closeSequence.utf8) }
        }
        vid_puts(pd_attr_normal(), 0, nil, TerminalOutput.collect)
        let screen = pd_curscr()
        if let back = pd_cursor_address(getcury(screen), getcurx(screen)) { tputs(back, 1, TerminalOutput.collect) }
        writeToTerminal(TerminalOutput.bytes)
    }

    /// Writes straight to the terminal; only between frames, when ncurses has flushed its output.
    private func writeToTerminal(_ bytes: [UInt8]) {
        let descriptor = fileno(output)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            if result <= 0 { return }
            written += result
        }
    }
}

/// Collects what ncurses' output functions (`tputs`, `vid_puts`) produce, which take a C function
/// and so cannot capture a buffer; used only on the thread that owns ncurses.
private enum TerminalOutput {
    nonisolated(unsafe) static var bytes: [UInt8] = []

    static let collect: @convention(c) (Int32) -> Int32 = { byte in
        TerminalOutput.bytes.append(UInt8(truncatingIfNeeded: byte))
        return byte
    }
}
