import DeskModel
import Foundation

/// Audit rows written as "uid N" (no $USER at the time) shown with that user's login name.
enum OperatorName {
    static func resolving(_ record: AuditRecord) -> AuditRecord {
        guard record.user.hasPrefix("uid "), let uid = uid_t(record.user.dropFirst(4)), let entry = getpwuid(uid),
              let name = entry.pointee.pw_name else { return record }
        var resolved = record
        resolved.user = String(cString: name)
        return resolved
    }
}
