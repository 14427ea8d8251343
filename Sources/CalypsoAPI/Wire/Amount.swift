import Foundation

/// A money amount in coin units, kept exact: parsed from the JSON number's (or string's) text
/// into `Decimal`, never through `Double`.
public struct Amount: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
              let decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        value = decimal
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Numbers are the documented form, so they are tried first: a failed decode throws, and
        // throwing for every amount of every page is measurable.
        if let number = try? container.decode(Decimal.self) {
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let amount = Amount(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount: \(text.prefix(40))")
        }
        self = amount
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX")) }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value + rhs.value) }
    public static let zero = Amount(Decimal(0))
}
