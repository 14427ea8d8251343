/// The bundled themes, embedded so the binary works from any directory. Each text is kept byte-for-byte
/// equal to `themes/NAME.toml` (a DeskAppTests test compares them); edit the file, then paste it here.
public enum BuiltinThemes {
    public static let defaultName = "dark"
    /// Built-in theme names in the order `:theme` lists them.
    public static let names = ["dark", "light", "high-contrast", "monochrome"]

    /// The text of a built-in theme file.
    public static func text(named name: String) -> String? {
        switch name {
        case "dark": dark
        case "light": light
        case "high-contrast": highContrast
        case "monochrome": monochrome
        default: nil
        }
    }

    /// A built-in theme, parsed.
    public static func theme(named name: String) -> Theme? {
        guard let text = text(named: name) else { return nil }
        return try? ThemeParser.parse(text, name: name, source: "built-in theme \(name)")
    }

    static let dark = ##"""
    # pursedesk theme "dark" (the default): for dark terminal backgrounds.
    # Colours: "#rrggbb" (truecolor), 0-255 (256-colour palette) or a name such as "red" or "bright_blue".
    # The terminal maps them down to what it supports; NO_COLOR switches to the monochrome theme.
    description = "Default theme for dark backgrounds"
    borders = "unicode"

    [text]
    fg = "default"

    [muted]
    fg = 245

    [title]
    fg = "#5fafff"
    bold = true

    [border]
    fg = 240

    [cursor]
    reverse = true

    [header]
    fg = "#e4e4e4"
    bg = 24

    [badge]
    fg = "#000000"
    bg = "#ffaf00"
    bold = true

    [table_header]
    fg = "#87afd7"
    bold = true
    underline = true

    [row]
    fg = "default"

    [selected]
    fg = "#ffffff"
    bg = 25
    bold = true

    [marked]
    fg = "#ffd75f"
    bold = true

    [dialog]
    fg = "default"

    [danger]
    fg = "#ff5f5f"
    bold = true

    [key]
    fg = "#5fd7ff"
    bold = true

    [key_hint]
    fg = 250
    bg = 236

    [status_bar]
    fg = 250
    bg = 236

    [flash_info]
    fg = "#87d787"
    bg = 236
    bold = true

    [flash_warn]
    fg = "#ffd75f"
    bg = 236
    bold = true

    [flash_error]
    fg = "#ff5f5f"
    bg = 236
    bold = true

    [alert]
    fg = "#ff8700"
    bold = true

    [connection_live]
    fg = "#87d787"
    bg = 24
    bold = true

    [connection_stale]
    fg = "#ffd75f"
    bg = 24
    bold = true

    [connection_error]
    fg = "#ff5f5f"
    bg = 24
    bold = true

    [purse_pending]
    fg = "#87d787"

    [purse_archived]
    fg = 245

    [purse_declined]
    fg = "#ff5f5f"
    bold = true

    [state_mempool]
    fg = "#87afff"

    [state_compliance]
    fg = "#ffd75f"

    [state_confirmed]
    fg = "#87d787"

    [state_declined]
    fg = "#ff5f5f"
    bold = true

    [credited]
    fg = "#5fd7af"
    bold = true
    """##

    static let light = ##"""
    # pursedesk theme "light": for light terminal backgrounds.
    description = "For light backgrounds"
    borders = "unicode"

    [text]
    fg = "default"

    [muted]
    fg = 244

    [title]
    fg = "#005faf"
    bold = true

    [border]
    fg = 248

    [cursor]
    reverse = true

    [header]
    fg = "#000000"
    bg = 153

    [badge]
    fg = "#ffffff"
    bg = "#d75f00"
    bold = true

    [table_header]
    fg = "#005f87"
    bold = true
    underline = true

    [row]
    fg = "default"

    [selected]
    fg = "#000000"
    bg = 189
    bold = true

    [marked]
    fg = "#af5f00"
    bold = true

    [dialog]
    fg = "default"

    [danger]
    fg = "#d70000"
    bold = true

    [key]
    fg = "#005faf"
    bold = true

    [key_hint]
    fg = 236
    bg = 253

    [status_bar]
    fg = 236
    bg = 253

    [flash_info]
    fg = "#005f00"
    bg = 253
    bold = true

    [flash_warn]
    fg = "#875f00"
    bg = 253
    bold = true

    [flash_error]
    fg = "#d70000"
    bg = 253
    bold = true

    [alert]
    fg = "#d75f00"
    bold = true

    [connection_live]
    fg = "#005f00"
    bg = 153
    bold = true

    [connection_stale]
    fg = "#875f00"
    bg = 153
    bold = true

    [connection_error]
    fg = "#d70000"
    bg = 153
    bold = true

    [purse_pending]
    fg = "#008700"

    [purse_archived]
    fg = 244

    [purse_declined]
    fg = "#d70000"
    bold = true

    [state_mempool]
    fg = "#005fd7"

    [state_compliance]
    fg = "#af8700"

    [state_confirmed]
    fg = "#008700"

    [state_declined]
    fg = "#d70000"
    bold = true

    [credited]
    fg = "#008787"
    bold = true
    """##

    static let highContrast = ##"""
    # pursedesk theme "high-contrast": the 16 basic colours only, bold where it matters.
    description = "Basic colours at full strength"
    borders = "unicode"

    [text]
    fg = "bright_white"

    [muted]
    fg = "white"

    [title]
    fg = "bright_yellow"
    bold = true

    [border]
    fg = "bright_white"

    [cursor]
    reverse = true

    [header]
    fg = "black"
    bg = "bright_white"
    bold = true

    [badge]
    fg = "black"
    bg = "bright_yellow"
    bold = true

    [table_header]
    fg = "bright_cyan"
    bold = true
    underline = true

    [row]
    fg = "bright_white"

    [selected]
    fg = "black"
    bg = "bright_cyan"
    bold = true

    [marked]
    fg = "bright_yellow"
    bold = true
    underline = true

    [dialog]
    fg = "bright_white"

    [danger]
    fg = "bright_red"
    bold = true

    [key]
    fg = "bright_cyan"
    bold = true

    [key_hint]
    fg = "black"
    bg = "white"

    [status_bar]
    fg = "black"
    bg = "white"

    [flash_info]
    fg = "black"
    bg = "bright_green"
    bold = true

    [flash_warn]
    fg = "black"
    bg = "bright_yellow"
    bold = true

    [flash_error]
    fg = "bright_white"
    bg = "red"
    bold = true

    [alert]
    fg = "bright_red"
    bold = true

    [connection_live]
    fg = "green"
    bg = "bright_white"
    bold = true

    [connection_stale]
    fg = "black"
    bg = "bright_yellow"
    bold = true

    [connection_error]
    fg = "bright_white"
    bg = "red"
    bold = true

    [purse_pending]
    fg = "bright_green"
    bold = true

    [purse_archived]
    fg = "white"

    [purse_declined]
    fg = "bright_red"
    bold = true
    underline = true

    [state_mempool]
    fg = "bright_blue"
    bold = true

    [state_compliance]
    fg = "bright_yellow"
    bold = true

    [state_confirmed]
    fg = "bright_green"
    bold = true

    [state_declined]
    fg = "bright_red"
    bold = true
    underline = true

    [credited]
    fg = "bright_cyan"
    bold = true
    """##

    static let monochrome = ##"""
    # pursedesk theme "monochrome": attributes only, no colour. Used whenever NO_COLOR is set.
    description = "No colour: bold, dim, underline and reverse only"
    borders = "unicode"

    [text]

    [muted]
    dim = true

    [title]
    bold = true

    [border]
    dim = true

    [cursor]
    reverse = true

    [header]
    reverse = true

    [badge]
    bold = true
    underline = true

    [table_header]
    bold = true
    underline = true

    [row]

    [selected]
    reverse = true

    [marked]
    bold = true

    [dialog]

    [danger]
    bold = true
    underline = true

    [key]
    bold = true

    [key_hint]
    reverse = true

    [status_bar]
    reverse = true

    [flash_info]
    bold = true

    [flash_warn]
    bold = true
    underline = true

    [flash_error]
    bold = true
    reverse = true

    [alert]
    bold = true

    [connection_live]
    reverse = true
    bold = true

    [connection_stale]
    reverse = true
    underline = true

    [connection_error]
    reverse = true
    bold = true
    underline = true

    [purse_pending]
    bold = true

    [purse_archived]
    dim = true

    [purse_declined]
    bold = true
    underline = true

    [state_mempool]
    dim = true

    [state_compliance]
    underline = true

    [state_confirmed]
    bold = true

    [state_declined]
    bold = true
    underline = true

    [credited]
    bold = true
    """##
}
