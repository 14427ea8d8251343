import CalypsoAPI
import Foundation

/// Ids, keys, addresses and hashes drawn from the world's generator.
struct IdentifierMaker {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let base58 = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let bech32 = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// A version-4 UUID in lowercase.
    static func uuid(_ random: inout SplitMix64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        let high = random.next(), low = random.next()
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * index))
            bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (8 * index))
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func hex(_ count: Int, _ random: inout SplitMix64) -> String {
        String(decoding: (0..<count).map { _ in hexDigits[Int(random.next() & 0x0f)] }, as: UTF8.self)
    }

    static func address(_ format: AddressFormat, _ random: inout SplitMix64) -> String {
        switch format {
        case .evm: "0x" + hex(40, &random)
        case .tron: "T" + String(decoding: (0..<33).map { _ in base58[Int(random.next() % 58)] }, as: UTF8.self)
        case .bitcoin: "bc1q" + String(decoding: (0..<38).map { _ in bech32[Int(random.next() % 32)] }, as: UTF8.self)
        }
    }

    static func transactionHash(_ format: AddressFormat, _ random: inout SplitMix64) -> String {
        format == .evm ? "0x" + hex(64, &random) : hex(64, &random)
    }
}
