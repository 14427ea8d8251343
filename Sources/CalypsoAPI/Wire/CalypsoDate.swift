import Foundation

/// Parses the two date shapes the API sends: API dates with a zone (`2025-07-30T10:53:50.356Z`)
/// and webhook dates without one and with up to 6 fractional digits (`2022-03-15T12:13:05.909616`),
/// which are taken as UTC.
public enum CalypsoDate {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0

        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") {
            index += 1
            guard let h = number(2), expect(UInt8(ascii: ":")), let m = number(2) else { return nil }
            hour = h; minute = m
            if expect(UInt8(ascii: ":")) {
                guard let s = number(2) else { return nil }
                second = s
                if expect(UInt8(ascii: ".")) {
                    var scale = 0.1
                    var digits = 0
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                        fraction += Double(bytes[index] - 48) * scale
                        scale /= 10
                        digits += 1
                        index += 1
                    }
                    guard digits > 0 else { return nil }
                }
            }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                guard let oh = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let om = number(2) ?? 0
                offsetSeconds = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == bytes.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2025-07-30T10:53:50.356Z`: the shape the API uses (the sandbox writes it, the CLI prints it).
    public static func format(_ date: Date) -> String {
        let millisTotal = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millis = Int(((millisTotal % 1000) + 1000) % 1000)
        let secondsTotal = (millisTotal - Int64(millis)) / 1000
        let days = Int(floorDiv(secondsTotal, 86_400))
        let secondsOfDay = Int(secondsTotal - Int64(days) * 86_400)
        let (year, month, day) = civilFromDays(days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day,
                      secondsOfDay / 3600, (secondsOfDay / 60) % 60, secondsOfDay % 60, millis)
    }

    /// Webhook style: no zone, 6 fractional digits.
    public static func formatWebhook(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let fraction = Int(((micros % 1_000_000) + 1_000_000) % 1_000_000)
        let secondsTotal = (micros - Int64(fraction)) / 1_000_000
        let days = Int(floorDiv(secondsTotal, 86_400))
        let secondsOfDay = Int(secondsTotal - Int64(days) * 86_400)
        let (year, month, day) = civilFromDays(days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06d", year, month, day,
                      secondsOfDay / 3600, (secondsOfDay / 60) % 60, secondsOfDay % 60, fraction)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
