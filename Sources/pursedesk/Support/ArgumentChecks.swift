import ArgumentParser
import CalypsoAPI
import Foundation

/// Validation shared by commands, phrased for the person who typed the argument.
enum ArgumentChecks {
    static func uuid(_ value: String, _ name: String) throws {
        guard UUID(uuidString: value) != nil else {
            throw ValidationError("\(name) must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, not \"\(value.prefix(60))\"")
        }
    }

    static func email(_ value: String?) throws {
        guard let value else { return }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !value.contains(where: \.isWhitespace) else {
            throw ValidationError("--email must look like name@example.com, not \"\(value.prefix(60))\"")
        }
    }

    static func currency(_ value: String) throws {
        guard !value.isEmpty, value.count <= 32,
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ValidationError("a currency is a code such as ETH or USDT_BSC, not \"\(value.prefix(60))\"")
        }
    }

    static func text(_ value: String?, _ name: String, limit: Int = 512) throws {
        guard let value else { return }
        guard value.count <= limit else { throw ValidationError("\(name) is longer than \(limit) characters") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError("\(name) contains control characters")
        }
    }
}
