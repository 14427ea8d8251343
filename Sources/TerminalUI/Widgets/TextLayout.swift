/// Horizontal placement of text in a wider slot.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}

/// Width-aware helpers for fitting text into columns.
public enum TextLayout {
    /// The x at which text of `textWidth` columns starts inside a slot.
    public static func offset(for alignment: Alignment, textWidth: Int, slotWidth: Int) -> Int {
        let spare = max(0, slotWidth - textWidth)
        switch alignment {
        case .left: return 0
        case .center: return spare / 2
        case .right: return spare
        }
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where possible and
    /// honouring explicit newlines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = DisplayWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                lineWidth = 0
                for character in word {
                    let columns = DisplayWidth.of(character)
                    if lineWidth + columns > width, !line.isEmpty {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += columns
                }
            }
            lines.append(line)
        }
        return lines
    }
}
