import PursedeskConfig
import Testing

@Suite struct TOMLDocumentTests {
    @Test func readsTOML10() throws {
        let document = try TOMLDocument.parse(#"""
            title = "x"  # comment
            count = 0x10
            ratio = 2.5
            on = true
            when = 1979-05-27T07:32:00Z
            inline = { a = 1, b = { c = "deep" } }
            site."google.com".rank = 1
            text = """
            first line
            second "quoted" line"""
            raw = '''C:\path\no\escape'''
            list = [1, 2, [3, 4]]

            [[plugins]]
            name = "one"

            [[plugins]]
            name = "two"
            """#, source: "t.toml")
        let root = document.root
        #expect(root["title"] == .string("x"))
        #expect(root["count"] == .integer(16))
        #expect(root["ratio"]?.number == 2.5)
        #expect(root["on"] == .boolean(true))
        #expect(root["when"]?.typeName == "a date-time")
        #expect(root["inline"]?.table?["b"]?.table?["c"] == .string("deep"))
        #expect(root["site"]?.table?["google.com"]?.table?["rank"] == .integer(1))
        #expect(root["text"] == .string("first line\nsecond \"quoted\" line"))
        #expect(root["raw"] == .string(#"C:\path\no\escape"#))
        #expect(root["list"] == .array([.integer(1), .integer(2), .array([.integer(3), .integer(4)])]))
        #expect(root["plugins"]?.array?.compactMap { $0.table?["name"]?.string } == ["one", "two"])
    }

    @Test func linesOfKeyPaths() throws {
        let document = try TOMLDocument.parse("""
            a = 1
            text = \"""
            b = "not a key"
            \"""
            [t.'quoted key']
            b = 2
            [[arr]]
            v = 1
            [[arr]]
            v = 2
            x = { y = 3 }
            """, source: "t.toml")
        #expect(document.line(of: ["a"]) == 1)
        #expect(document.line(of: ["b"]) == nil)
        #expect(document.line(of: ["t", "quoted key", "b"]) == 6)
        #expect(document.line(of: ["arr", "0", "v"]) == 8)
        #expect(document.line(of: ["arr", "1", "v"]) == 10)
        #expect(document.line(of: ["arr", "1", "x", "y"]) == 11)
    }

    @Test func syntaxErrorsNameFileLineAndColumn() {
        #expect {
            try TOMLDocument.parse("a = 1\nb = \"open\n", source: "f.toml")
        } throws: { error in
            guard let problem = error as? TOMLProblem else { return false }
            return problem.line == 2 && problem.column != nil && problem.description.hasPrefix("f.toml:2:")
        }
        #expect(throws: TOMLProblem.self) { try TOMLDocument.parse("a = 1\na = 2\n", source: "f.toml") }
        #expect(throws: TOMLProblem(source: "f.toml", line: 2, message: "the file holds a NUL byte; is it a text file?")) {
            try TOMLDocument.parse("a = 1\nb\0 = 2\n", source: "f.toml")
        }
    }

    @Test func typeErrorsNameTheKeyPathAndWhatWasFound() throws {
        let document = try TOMLDocument.parse("[profiles.prod]\nrefresh_interval = \"2s\"\nsecret = 12345\n", source: "c.toml")
        let profile = try #require(try document.rootSection.section("profiles")?.section("prod"))
        #expect(throws: TOMLProblem(source: "c.toml", line: 2, keyPath: "profiles.prod.refresh_interval",
                                    message: "expected a number, found \"2s\"")) { try profile.number("refresh_interval") }
        #expect("\(profile.mismatch("refresh_interval", expected: "a number"))"
            == "c.toml:2: profiles.prod.refresh_interval: expected a number, found \"2s\"")
        #expect(throws: TOMLProblem(source: "c.toml", line: 3, keyPath: "profiles.prod.secret", message: "expected a string, found an integer")) {
            try profile.string("secret", secret: true)
        }
    }

    @Test func nearestNames() {
        #expect(NearestName.closest(to: "refresh_intervl", among: ["request_budget", "refresh_interval"]) == "refresh_interval")
        #expect(NearestName.closest(to: "Theme", among: ["theme", "bell"]) == "theme")
        #expect(NearestName.closest(to: "zzzzzz", among: ["theme", "bell"]) == nil)
    }
}
