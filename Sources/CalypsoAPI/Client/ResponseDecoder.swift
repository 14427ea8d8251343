import Foundation

/// Turns an HTTP answer into the expected value or a typed error; never traps on what arrives.
enum ResponseDecoder {
    static func decode<Response: Decodable>(_ type: Response.Type, from reply: HTTPReply, now: Date) throws(CalypsoError) -> Response {
        // Only an error needs the server's clock; parsing it costs a DateFormatter.
        var serverDate: Date? { reply.header("Date").flatMap(parseHTTPDate) }
        let isSuccess = (200..<300).contains(reply.status)
        // A success body is parsed a second time only when it may hold an error object.
        let mayHoldError = !isSuccess || contains(reply.body, Array("errorCode".utf8))
        let json = mayHoldError ? parseJSON(reply.body) : nil
        let errorBody = json.flatMap(errorBody(in:))

        guard isSuccess else {
            if let errorBody { throw CalypsoError.from(status: reply.status, body: errorBody, serverDate: serverDate, now: now) }
            if reply.status == 401 || reply.status == 403 {
                throw CalypsoError.authentication(status: reply.status, code: nil, message: nil, traceId: nil)
            }
            if reply.status == 404 { throw CalypsoError.notFound(message: "HTTP 404: no such path on this server", traceId: nil) }
            throw CalypsoError.undecodable(status: reply.status, reason: "HTTP \(reply.status) with no error object",
                                           excerpt: CalypsoError.excerpt(reply.body))
        }
        if let errorBody {
            // A 200 that carries an error object is an error.
            throw CalypsoError.from(status: reply.status, body: errorBody, serverDate: serverDate, now: now)
        }
        if Response.self == NoContent.self { return NoContent() as! Response }
        if reply.body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            throw CalypsoError.undecodable(status: reply.status, reason: "empty body", excerpt: "")
        }
        do {
            return try JSONDecoder().decode(Response.self, from: Data(reply.body))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw CalypsoError.undecodable(status: reply.status, reason: "not JSON", excerpt: CalypsoError.excerpt(reply.body))
            }
            throw CalypsoError.undecodable(status: reply.status, reason: describe(error), excerpt: CalypsoError.excerpt(reply.body))
        } catch {
            throw CalypsoError.undecodable(status: reply.status, reason: describe(error), excerpt: CalypsoError.excerpt(reply.body))
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }

    private static func parseJSON(_ body: [UInt8]) -> Any? {
        guard !body.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    private static func errorBody(in json: Any) -> ErrorBody? {
        guard let object = json as? [String: Any], object["errorCode"] != nil else { return nil }
        func text(_ key: String) -> String? {
            switch object[key] {
            case let string as String: string
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
        return ErrorBody(errorCode: text("errorCode"), message: text("message"), traceId: text("traceId"))
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "" : " at \(joined)"
        }
        switch error {
        case .typeMismatch(_, let context): return "wrong type\(path(context)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "missing value\(path(context))"
        case .keyNotFound(let key, let context): return "missing field \(key.stringValue)\(path(context))"
        case .dataCorrupted(let context): return "bad data\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }

    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
