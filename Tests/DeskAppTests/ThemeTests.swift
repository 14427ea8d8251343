@testable import DeskApp
import Foundation
import Testing
import TerminalUI
import TestScratch

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    @Test(arguments: BuiltinThemes.names) func embeddedThemeEqualsItsFile(name: String) throws {
        let file = try String(contentsOf: Self.themesDirectory.appendingPathComponent("\(name).toml"), encoding: .utf8)
        #expect(BuiltinThemes.text(named: name) == file)
    }

    @Test(arguments: BuiltinThemes.names) func builtinThemeStylesEveryRole(name: String) throws {
        let text = try #require(BuiltinThemes.text(named: name))
        let theme = try ThemeParser.parse(text, name: name, source: name)
        #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
    }

    @Test func everyBundledFileIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.names))
    }

    @Test func colourValues() throws {
        let theme = try ThemeParser.parse("""
            [alert]
            fg = "#ff8800"
            bg = 208
            bold = true
            [muted]
            fg = "bright_blue"
            bg = 3
            """, name: "t", source: "t.toml")
        #expect(theme[.alert] == Style(fg: .rgb(0xFF, 0x88, 0x00), bg: .indexed(208), bold: true))
        #expect(theme[.muted] == Style(fg: .brightBlue, bg: .ansi(3)))
    }

    @Test func brokenThemeNamesFileAndLine() {
        #expect(throws: ThemeError(source: "my.toml", line: 3, message: "alert.fg: expected \"#rrggbb\", a number 0-255 or a colour name, found \"orangeish\"")) {
            try ThemeParser.parse("[alert]\nbold = true\nfg = \"orangeish\"\n", name: "my", source: "my.toml")
        }
        do {
            _ = try ThemeParser.parse("[alrt]\nfg = 1\n", name: "my", source: "my.toml")
            Issue.record("an unknown section was accepted")
        } catch {
            #expect(error.description.hasPrefix("my.toml:1: unknown section \"alrt\""))
        }
        do {
            _ = try ThemeParser.parse("[alert\n", name: "my", source: "my.toml")
            Issue.record("bad TOML was accepted")
        } catch {
            #expect(error.line == 1)
        }
    }

    @Test func themesAreFullTOML() throws {
        let theme = try ThemeParser.parse("""
            alert = { fg = "red", bold = true }
            muted.fg = 245
            [title]
            fg = '#00ff00'
            """, name: "t", source: "t.toml")
        #expect(theme[.alert] == Style(fg: .red, bold: true))
        #expect(theme[.muted] == Style(fg: .indexed(245)))
        #expect(theme[.title] == Style(fg: .rgb(0, 0xFF, 0)))
    }

    @Test func misspeltKeysNameTheNearestOne() {
        #expect(throws: ThemeError(source: "t.toml", line: 3, message: "alert.bolt: unknown key; did you mean `bold`? (use fg, bg, bold, dim, underline, reverse)")) {
            try ThemeParser.parse("[alert]\nfg = 1\nbolt = true\n", name: "t", source: "t.toml")
        }
        #expect(throws: ThemeError(source: "t.toml", line: 2, message: "muted.dim: expected true or false, found \"yes\"")) {
            try ThemeParser.parse("[muted]\ndim = \"yes\"\n", name: "t", source: "t.toml")
        }
        do {
            _ = try ThemeParser.parse("[alrt]\nfg = 1\n", name: "my", source: "my.toml")
        } catch {
            #expect(error.message.contains("did you mean `alert`?"))
        }
    }

    @Test func userThemesComeFirstAndInheritTheDefault() throws {
        let config = ScratchRoot.url.appendingPathComponent("pursedesk-themes-\(UUID().uuidString)")
        let directory = config.appendingPathComponent("pursedesk/themes")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "[alert]\nfg = \"red\"\n".write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "[alert]\nfg = 300\n".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": config.path])
        let mine = try catalog.load("mine")
        #expect(mine[.alert] == Style(fg: .red))
        #expect(mine[.badge] == Theme.standard[.badge])
        #expect(try catalog.load("light").name == "light")
        #expect(throws: ThemeError.self) { try catalog.load("broken") }
        do {
            _ = try catalog.load("broken")
        } catch {
            #expect(error.description.hasPrefix(directory.appendingPathComponent("broken.toml").path + ":2:"))
        }
        #expect(throws: ThemeError.self) { try catalog.load("missing") }
    }

    @Test func noColorMeansMonochrome() throws {
        let catalog = ThemeCatalog(environment: ["NO_COLOR": "1"])
        let theme = try catalog.load("dark")
        #expect(theme.name == "monochrome")
        #expect(theme.styles.values.allSatisfy { $0.fg == nil && $0.bg == nil })
    }

    @Test func themeCommandSwitchesLive() {
        var state = Fixtures.state()
        state.press(":")
        state.type("theme light")
        #expect(state.press("enter") == [.loadTheme("light")])
        _ = update(&state, .themeLoaded(BuiltinThemes.theme(named: "light")!))
        #expect(state.theme.name == "light")
        #expect(DashboardScreen.render(state).style(atX: 0, y: 0).bg == BuiltinThemes.theme(named: "light")![.header].bg)
    }
}
