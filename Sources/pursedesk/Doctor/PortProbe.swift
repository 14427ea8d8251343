import Foundation

/// Whether a TCP port can be listened on, by binding it for a moment.
enum PortProbe {
    static func canListen(host: String, port: Int) -> Result<Void, ProbeFailure> {
        var hints = addrinfo(ai_flags: AI_PASSIVE | AI_NUMERICSERV, ai_family: AF_UNSPEC, ai_socktype: Int32(SOCK_STREAM.rawValue),
                             ai_protocol: 0, ai_addrlen: 0, ai_addr: nil, ai_canonname: nil, ai_next: nil)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            return .failure(ProbeFailure("cannot resolve \(host)"))
        }
        defer { freeaddrinfo(list) }
        let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard socket >= 0 else { return .failure(ProbeFailure(String(cString: strerror(errno)))) }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            return .failure(ProbeFailure(String(cString: strerror(errno))))
        }
        return .success(())
    }

    struct ProbeFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
