import Foundation

/// Decoding helpers for the reference's robustness rule: unknown fields are ignored, optional
/// fields stay optional, and values documented with one type but sent with another
/// (`"false"` for a boolean, a number for an id) are accepted.
extension KeyedDecodingContainer {
    func lenientString(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) { return text }
        if let whole = try? decode(Int64.self, forKey: key) { return String(whole) }
        if let flag = try? decode(Bool.self, forKey: key) { return String(flag) }
        throw DecodingError.typeMismatch(
            String.self,
            .init(codingPath: codingPath + [key], debugDescription: "expected a string for \(key.stringValue)"))
    }

    func requiredString(_ key: Key) throws -> String {
        guard let value = try lenientString(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "\(key.stringValue) is missing"))
        }
        return value
    }

    func lenientBool(_ key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        if let text = try? decode(String.self, forKey: key) {
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: break
            }
        }
        if let number = try? decode(Int.self, forKey: key) { return number != 0 }
        throw DecodingError.typeMismatch(
            Bool.self,
            .init(codingPath: codingPath + [key], debugDescription: "expected a boolean for \(key.stringValue)"))
    }

    func lenientInt(_ key: Key) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int64.self, forKey: key) { return number }
        if let text = try? decode(String.self, forKey: key), let number = Int64(text) { return number }
        throw DecodingError.typeMismatch(
            Int64.self,
            .init(codingPath: codingPath + [key], debugDescription: "expected an integer for \(key.stringValue)"))
    }

    func lenientDate(_ key: Key) throws -> Date? {
        guard let text = try lenientString(key) else { return nil }
        guard let date = CalypsoDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: "not a date: \(text.prefix(40))"))
        }
        return date
    }

    func lenientAmount(_ key: Key) throws -> Amount? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(Amount.self, forKey: key)
    }
}

/// A coding key made from any string, for objects whose keys are data (exchange pairs).
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}
