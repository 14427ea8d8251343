/// The bundled themes: `themes/*.toml`, embedded into the binary at build time (SwiftPM `.embedInCode`
/// resources through the `Theme/Builtin` link), so the binary works from any directory.
public enum BuiltinThemes {
    public static let defaultName = "dark"
    /// Built-in theme names in the order `:theme` lists them.
    public static let names = ["dark", "light", "high-contrast", "monochrome"]

    /// The text of a built-in theme file.
    public static func text(named name: String) -> String? {
        let bytes: [UInt8]
        switch name {
        case "dark": bytes = PackageResources.dark_toml
        case "light": bytes = PackageResources.light_toml
        case "high-contrast": bytes = PackageResources.high_contrast_toml
        case "monochrome": bytes = PackageResources.monochrome_toml
        default: return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A built-in theme, parsed.
    public static func theme(named name: String) -> Theme? {
        guard let text = text(named: name) else { return nil }
        return try? ThemeParser.parse(text, name: name, source: "built-in theme \(name)")
    }
}
