import Foundation
import PursedeskConfig
import Testing

/// The README's example config is valid TOML and uses only keys pursedesk knows.
@Suite struct ReadmeConfigExampleTests {
    @Test func exampleParsesWithoutUnknownKeys() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "```toml\n"), "README has a ```toml block")
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let document = try TOMLDocument.parse(String(text[start.upperBound..<end.lowerBound]), source: "README.md")
        let root = document.rootSection
        #expect(root.unknownKeyWarnings(known: ConfigurationLoader.topLevelKeys).isEmpty)
        let profiles = try #require(try root.section("profiles"))
        for name in profiles.keys {
            let profile = try #require(try profiles.section(name))
            #expect(profile.unknownKeyWarnings(known: ConfigurationLoader.profileKeys).isEmpty)
        }
    }
}
