import PursedeskConfig
import Testing

@Suite struct TOMLParserTests {
    @Test func parsesTheSubsetConfigAndThemesUse() throws {
        let table = try TOMLParser.parse("""
            # comment
            default_profile = "prod"   # trailing comment
            answer = 42
            ratio = 0.5
            on = true
            list = ["a", 'b',
                    "c"]

            [profiles.prod]
            base_url = "https://api.calypso.finance"
            "quoted key" = "tab\\tand \\u20AE"

            [profiles.prod.paths]
            customer_block = "/x"
            """)
        #expect(table["default_profile"]?.string == "prod")
        #expect(table["answer"]?.integer == 42 && table["ratio"]?.number == 0.5 && table["on"]?.boolean == true)
        #expect(table["list"] == .array([.string("a"), .string("b"), .string("c")]))
        let prod = try #require(table["profiles"]?.table?["prod"]?.table)
        #expect(prod["quoted key"]?.string == "tab\tand ₮")
        #expect(prod["paths"]?.table?["customer_block"]?.string == "/x")
        #expect(prod.line(of: "base_url") == 10)
    }

    @Test(arguments: [
        ("key = ", 1, "expected a value"),
        ("a = 1\nb = \"open", 2, "unterminated string"),
        ("a = 1\na = 2", 2, "a is set twice"),
        ("[t]\n[t]", 2, "table [t] is defined twice"),
        ("x = bare", 1, "unknown value 'bare' (strings need quotes)"),
        ("x = {a = 1}", 1, "inline tables are not supported; use a [table] header"),
        ("x = 1 2", 1, "unexpected text after the value"),
        ("a = 1\n[a]", 2, "a is already an integer, not a table"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        #expect(throws: TOMLError(line: line, message: message)) { try TOMLParser.parse(text) }
    }
}
