import Foundation

/// Where an export's bytes go: standard output or a new file. Buffered; a file is created
/// exclusively, so an existing file is never overwritten.
public final class ExportSink {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case exists(String)
        case cannotCreate(String, String)
        case writeFailed(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; exports never overwrite a file, so choose another name"
            case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
            case .writeFailed(let reason): "writing the export failed: \(reason)"
            }
        }
    }

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var buffer: [UInt8] = []
    public let path: String?

    private init(descriptor: Int32, closesDescriptor: Bool, path: String?) {
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        self.path = path
        buffer.reserveCapacity(Self.bufferSize)
    }

    public static func standardOutput() -> ExportSink { ExportSink(descriptor: STDOUT_FILENO, closesDescriptor: false, path: nil) }

    /// Creates `path`, failing when anything already exists there.
    public static func newFile(_ path: String) throws(Failure) -> ExportSink {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists(path) }
            throw .cannotCreate(path, String(cString: strerror(errno)))
        }
        return ExportSink(descriptor: descriptor, closesDescriptor: true, path: path)
    }

    /// A new file in `directory` named `stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken.
    public static func newFile(in directory: URL, stem: String, format: ExportFormat) throws(Failure) -> ExportSink {
        for attempt in 1...1000 {
            let name = attempt == 1 ? "\(stem).\(format.fileExtension)" : "\(stem)-\(attempt).\(format.fileExtension)"
            do {
                return try newFile(directory.appendingPathComponent(name).path)
            } catch .exists {
                continue
            }
        }
        throw .exists(directory.appendingPathComponent("\(stem).\(format.fileExtension)").path)
    }

    public func write(_ text: String) throws(Failure) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    public func flush() throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes (files are synced to disk first).
    public func close() throws(Failure) {
        try flush()
        guard closesDescriptor else { return }
        if fsync(descriptor) != 0 { throw .writeFailed(String(cString: strerror(errno))) }
        Foundation.close(descriptor)
    }

    static let bufferSize = 64 * 1024
}
