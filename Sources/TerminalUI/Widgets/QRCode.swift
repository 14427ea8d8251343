import CQRencode
import Foundation

/// A QR code symbol encoded by libqrencode: a square of dark and light modules, without the
/// quiet zone (readers need 4 light modules around it; `QRCodeView` draws them).
public struct QRCode: Hashable, Sendable {
    /// How much of the symbol may be damaged and still read; higher levels make larger symbols.
    public enum ErrorCorrection: Hashable, Sendable, CaseIterable {
        case low, medium, quartile, high

        fileprivate var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Why a text could not be encoded.
    public enum EncodingError: Error, Hashable, Sendable, CustomStringConvertible {
        case empty
        case containsNul
        /// More data than the largest QR version holds at this error correction level.
        case tooLong(bytes: Int)
        case failed(errno: Int32)

        public var description: String {
            switch self {
            case .empty: "nothing to encode"
            case .containsNul: "the text contains a NUL character"
            case .tooLong(let bytes): "\(bytes) bytes are too many for a QR code"
            case .failed(let code): "libqrencode failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    public let errorCorrection: ErrorCorrection
    /// Row-major, true for a dark module.
    private let modules: [Bool]

    /// Encodes `text` case-sensitively, letting libqrencode pick the smallest version.
    public init(encoding text: String, errorCorrection: ErrorCorrection = .medium) throws {
        guard !text.isEmpty else { throw EncodingError.empty }
        guard !text.utf8.contains(0) else { throw EncodingError.containsNul }
        errno = 0
        guard let symbol = QRcode_encodeString(text, 0, errorCorrection.level, QR_MODE_8, 1) else {
            let code = errno
            if code == ERANGE || code == EINVAL { throw EncodingError.tooLong(bytes: text.utf8.count) }
            throw EncodingError.failed(errno: code)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        self.size = width
        self.errorCorrection = errorCorrection
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at (x, y) is dark; modules outside the symbol are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
