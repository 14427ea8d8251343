import Foundation
import Testing
import TmuxDriver
@testable import TerminalUI
import TestScratch

/// The real ncurses backend on a pseudo-terminal: the bytes it writes are read back, checked for
/// OSC 8 around exactly the linked text, and replayed in tmux (a real terminal emulator) to show
/// that the extra writes land where ncurses believes they are and garble nothing.
/// Serialized: ncurses has one current screen per process (`set_term`), so two backends at once
/// would write into each other's terminal.
@Suite(.serialized) struct NcursesHyperlinkTests {
    static let link = Hyperlink("https://etherscan.io/tx/0xabc123")!
    static let open = "\u{1B}]8;;https://etherscan.io/tx/0xabc123\u{1B}\\"
    static let close = Hyperlink.closeSequence

    static func frame(linked: Bool, status: String = "plain text") -> CellBuffer {
        var buffer = CellBuffer(width: 40, height: 6)
        buffer.put("Transactions", x: 0, y: 0, style: Style(bold: true))
        buffer.put(Line([Span("tx ", style: Style(fg: .yellow)), Span("0xabc123", style: Style(fg: .cyan, underline: true), link: linked ? link : nil),
                         Span(" confirmed", style: Style(fg: .green))]), x: 2, y: 1)
        buffer.put(status, x: 0, y: 3)
        return buffer
    }

    @Test func linkedTextIsWrappedInOSC8AtItsPlaceAndTheScreenStaysRight() async throws {
        let terminal = try PseudoTerminal(width: 40, height: 6)
        let backend = try NcursesBackend(environment: ["TERM": "xterm-256color"], inputDescriptor: terminal.slave, outputDescriptor: terminal.slave)
        defer { backend.shutdown() }
        #expect(backend.hyperlinks)

        backend.draw(Self.frame(linked: true))
        let first = terminal.readAvailable()
        // Row 2, column 5 (1-based): the cursor goes to the hash, the link opens, the hash is written, the link closes.
        let opened = try #require(first.range(of: "\u{1B}[2;6H" + Self.open))
        let closed = try #require(first[opened.upperBound...].range(of: Self.close))
        #expect(Self.visibleText(first[opened.upperBound..<closed.lowerBound]) == "0xabc123")
        #expect(first.components(separatedBy: "\u{1B}]8;;https").count == 2)

        backend.draw(Self.frame(linked: false))
        let second = terminal.readAvailable()
        #expect(!second.contains("\u{1B}]8;;https"))
        let rewritten = try #require(second.range(of: "\u{1B}[2;6H"))
        #expect(Self.visibleText(second[rewritten.upperBound...]).hasPrefix("0xabc123"))

        backend.draw(Self.frame(linked: false, status: "still plain"))
        let third = terminal.readAvailable()
        #expect(!third.contains("\u{1B}]8"))
        #expect(third.contains("still"))

        try await Self.expectTmuxShows(first + second + third, lines: Self.frame(linked: false, status: "still plain").textLines)
    }

    /// What keeps an idle dashboard's terminal quiet: a frame equal to the one on screen, links
    /// included, writes not one byte.
    @Test func aFrameLikeTheOneOnScreenWritesNothing() throws {
        let terminal = try PseudoTerminal(width: 40, height: 6)
        let backend = try NcursesBackend(environment: ["TERM": "xterm-256color"], inputDescriptor: terminal.slave, outputDescriptor: terminal.slave)
        defer { backend.shutdown() }
        backend.draw(Self.frame(linked: true))
        #expect(terminal.readAvailable().contains("0xabc123"))
        backend.draw(Self.frame(linked: true))
        #expect(terminal.readAvailable() == "")
        backend.draw(Self.frame(linked: true, status: "changed"))
        #expect(terminal.readAvailable().contains("changed"))
    }

    @Test func linksCanBeTurnedOffAndAreOffOnTheLinuxConsole() throws {
        let terminal = try PseudoTerminal(width: 40, height: 6)
        let backend = try NcursesBackend(environment: ["TERM": "xterm-256color"], hyperlinks: false,
                                         inputDescriptor: terminal.slave, outputDescriptor: terminal.slave)
        #expect(!backend.hyperlinks)
        backend.draw(Self.frame(linked: true))
        let bytes = terminal.readAvailable()
        #expect(bytes.contains("0xabc123"))
        #expect(!bytes.contains("\u{1B}]8"))
        backend.shutdown()

        let console = try PseudoTerminal(width: 40, height: 6)
        let consoleBackend = try NcursesBackend(environment: ["TERM": "linux"], inputDescriptor: console.slave, outputDescriptor: console.slave)
        defer { consoleBackend.shutdown() }
        #expect(!consoleBackend.hyperlinks)
        consoleBackend.draw(Self.frame(linked: true))
        #expect(!console.readAvailable().contains("\u{1B}]8"))
    }

    @Test func theClipboardAndTheBellGoThroughTheBackend() throws {
        let terminal = try PseudoTerminal(width: 40, height: 6)
        let backend = try NcursesBackend(environment: ["TERM": "xterm-256color"], inputDescriptor: terminal.slave, outputDescriptor: terminal.slave)
        defer { backend.shutdown() }
        backend.draw(Self.frame(linked: false))
        _ = terminal.readAvailable()
        backend.copyToClipboard("0xabc")
        #expect(terminal.readAvailable() == "\u{1B}]52;c;MHhhYmM=\u{07}")
        backend.ring()
        #expect(terminal.readAvailable() == "\u{07}")
    }

    /// Printable text with CSI and OSC sequences taken out.
    static func visibleText(_ bytes: Substring) -> String {
        var text = "", index = bytes.startIndex
        while index < bytes.endIndex {
            let character = bytes[index]
            if character == "\u{1B}" {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == "[" {
                    index = bytes[next...].firstIndex { ("@"..."~").contains($0) && $0 != "[" }.map(bytes.index(after:)) ?? bytes.endIndex
                } else if next < bytes.endIndex, bytes[next] == "]" {
                    index = bytes[next...].range(of: "\u{1B}\\").map(\.upperBound) ?? bytes.endIndex
                } else {
                    // ESC, intermediate bytes (e.g. "(" of a charset designation), one final byte.
                    let final = bytes[next...].firstIndex { !(" "..."/").contains($0) } ?? bytes.endIndex
                    index = final < bytes.endIndex ? bytes.index(after: final) : final
                }
                continue
            }
            if character.isASCII, character.asciiValue! < 0x20 { break }
            text.append(character)
            index = bytes.index(after: index)
        }
        return text
    }

    static func expectTmuxShows(_ output: String, lines expected: [String]) async throws {
        guard TmuxServer.isAvailable else {
            Issue.record("tmux is not installed: scripts/ensure-deps installs it")
            return
        }
        let file = ScratchRoot.url.appendingPathComponent("pursedesk-osc8-\(UUID().uuidString).bin")
        try Data(output.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let tmux = try TmuxServer(command: ["sh", "-c", "cat \"$0\"; exec sleep 60", file.path],
                                  environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"], width: 40, height: 6)
        defer { tmux.kill() }
        let trimmed = expected.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        let shown = await tmux.waitFor(timeout: .seconds(10)) { screen in
            Array(screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(trimmed.count).map(String.init)) == trimmed
        }
        let screen = shown == nil ? await tmux.screen() : ""
        #expect(shown != nil, "tmux showed:\n\(screen)\nexpected:\n\(trimmed.joined(separator: "\n"))")
    }
}

/// A pseudo-terminal pair of the given size; the test reads what is written to the slave side.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    // Swift's Glibc module leaves out the XSI pseudo-terminal functions, so they are looked up in libc.
    private typealias DescriptorFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func libc<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { throw Failure(description: "libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    init(width: Int, height: Int) throws {
        let openMaster = try Self.libc("posix_openpt", as: DescriptorFunction.self)
        let grant = try Self.libc("grantpt", as: DescriptorFunction.self)
        let unlock = try Self.libc("unlockpt", as: DescriptorFunction.self)
        let slaveName = try Self.libc("ptsname", as: NameFunction.self)
        master = openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, let name = slaveName(master) else {
            throw Failure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open \(String(cString: name))") }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(slave)
        close(master)
    }

    /// Everything written to the terminal since the last call.
    func readAvailable() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
