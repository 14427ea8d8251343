/// One value `y` can copy, with the letter that copies it straight from the chooser.
public struct CopyChoice: Hashable, Sendable {
    public var letter: Character
    public var label: String
    public var value: String

    public init(_ letter: Character, _ label: String, _ value: String) {
        self.letter = letter
        self.label = label
        self.value = value
    }
}

/// The chooser `y` opens where a row has several values to copy: `y` or `enter` copies the
/// highlighted one, a choice's letter copies that one, `esc` copies nothing.
public struct CopyChooser: Hashable, Sendable {
    public var title: String
    public var choices: [CopyChoice]
    public var selected = 0

    public init(title: String, choices: [CopyChoice]) {
        self.title = title
        self.choices = choices
    }

    public static let keysHint = "y/enter copy · letter copies it · esc cancels"
}
