/// Colours and attributes of a cell, and the hyperlink it belongs to. A `nil` colour or link
/// means "leave whatever is underneath". Plain data: the link is kept as its number in
/// `HyperlinkTable`, so cells copy and compare without touching strings.
public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool
    /// The link's number in `HyperlinkTable`; 0 for none.
    var linkId: HyperlinkTable.ID

    /// Shown by the backend as an OSC 8 hyperlink where the terminal supports it.
    public var link: Hyperlink? {
        get { HyperlinkTable.link(linkId) }
        set { linkId = HyperlinkTable.id(of: newValue) }
    }

    /// Creates a style; unspecified colours inherit, unspecified attributes are off.
    public init(
        fg: Color? = nil, bg: Color? = nil,
        bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false, link: Hyperlink? = nil
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.linkId = HyperlinkTable.id(of: link)
    }

    /// No colours, no attributes.
    public static let plain = Style()

    /// This style with `other` laid on top: its colours and link win where set, attributes accumulate.
    public func patched(with other: Style) -> Style {
        var style = Style(
            fg: other.fg ?? fg,
            bg: other.bg ?? bg,
            bold: bold || other.bold,
            dim: dim || other.dim,
            underline: underline || other.underline,
            reverse: reverse || other.reverse
        )
        style.linkId = other.linkId != 0 ? other.linkId : linkId
        return style
    }

    /// This style with `other`'s link, or none when `other` has none.
    func linkedLike(_ other: Style) -> Style {
        var style = self
        style.linkId = other.linkId
        return style
    }
}

extension Style {
    /// This style linking to `link`.
    public func linked(to link: Hyperlink?) -> Style {
        var style = self
        style.link = link
        return style
    }
}
