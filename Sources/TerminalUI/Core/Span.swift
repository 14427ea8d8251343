/// A piece of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Creates a span whose cells link to `link` (no link when nil).
    public init(_ text: String, style: Style = .plain, link: Hyperlink?) {
        self.init(text, style: style.linked(to: link))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// One line of text made of differently styled spans.
public struct Line: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span]) {
        self.spans = spans
    }

    /// Creates a line of one span.
    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Columns the line takes on screen.
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
