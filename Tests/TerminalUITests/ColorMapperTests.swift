import Testing
@testable import TerminalUI

@Suite struct ColorMapperTests {
    @Test func defaultIsMinusOneEverywhere() {
        #expect(ColorMapper(colorCount: 256).number(for: .default) == -1)
        #expect(ColorMapper(colorCount: 8).number(for: .default) == -1)
    }

    @Test func noColorsMeansDefaultForEverything() {
        #expect(ColorMapper(colorCount: 0).number(for: .red) == -1)
        #expect(ColorMapper(colorCount: 0).number(for: .rgb(255, 0, 0)) == -1)
    }

    @Test func rgbGoesToTheNearest256Entry() {
        let mapper = ColorMapper(colorCount: 256)
        #expect(mapper.number(for: .rgb(255, 0, 0)) == 196)
        #expect(mapper.number(for: .rgb(0, 0, 0)) == 16)
        #expect(mapper.number(for: .rgb(128, 128, 128)) == 244)
        #expect(mapper.number(for: .indexed(123)) == 123)
    }

    @Test func rgbPassesThroughOnDirectColorTerminals() {
        #expect(ColorMapper(colorCount: 1 << 24).number(for: .rgb(1, 2, 3)) == 0x010203)
    }

    @Test func eightColorTerminalsGetTheNearestBasicColor() {
        let mapper = ColorMapper(colorCount: 8)
        #expect(mapper.number(for: .rgb(250, 10, 10)) == 1)
        #expect(mapper.number(for: .indexed(46)) == 2)
        #expect(mapper.number(for: .brightBlue) == 4)
        #expect(ColorMapper(colorCount: 16).number(for: .brightBlue) == 12)
    }
}
