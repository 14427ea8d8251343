import Crypto
import Foundation

/// `Sign` = lowercase hex HMAC-SHA512 of the exact body bytes, keyed with the secret's UTF-8 bytes.
/// The same algorithm signs API requests (API secret) and webhook deliveries (subscription secret).
public enum CalypsoSignature {
    public static func sign<Body: DataProtocol>(body: Body, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA512>.authenticationCode(for: body, using: key)
        return hexString(mac)
    }

    /// Constant-time, case-insensitive comparison of a received `Sign` against the expected one.
    public static func verify<Body: DataProtocol>(body: Body, secret: String, signature: String) -> Bool {
        let expected = Array(sign(body: body, secret: secret).utf8)
        let given = Array(signature.lowercased().utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    static func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
