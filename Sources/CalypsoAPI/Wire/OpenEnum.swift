/// The API's enums are open: a value this client does not know is kept as `unknown(raw)`.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    static var known: [Self] { get }
    /// Spellings from older docs that mean a known case (`ARCHIEVED` → archived).
    static var aliases: [String: Self] { get }
    static func unknown(_ raw: String) -> Self
}

extension OpenEnum {
    public static var aliases: [String: Self] { [:] }

    public init(rawValue: String) { self.init(rawValue) }

    public init(_ rawValue: String) {
        let upper = rawValue.uppercased()
        if let match = Self.known.first(where: { $0.rawValue == upper }) {
            self = match
        } else if let alias = Self.aliases[upper] {
            self = alias
        } else {
            self = Self.unknown(rawValue)
        }
    }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public var isKnown: Bool { Self.known.contains(self) }
}
