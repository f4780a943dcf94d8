import FoundationEssentials

/// A UTC calendar instant broken into fields, with conversions to and from seconds since the
/// epoch (proleptic Gregorian calendar, no leap seconds, microsecond resolution).
///
/// The day arithmetic follows Howard Hinnant's `days_from_civil` / `civil_from_days`.
public struct CivilTime: Sendable, Hashable {
    /// The year (e.g. 2012).
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int
    /// The hour, 0…23.
    public var hour: Int
    /// The minute, 0…59.
    public var minute: Int
    /// The second, 0…59.
    public var second: Int
    /// The microsecond, 0…999,999.
    public var microsecond: Int

    /// Creates a calendar instant from its fields (not validated).
    public init(year: Int, month: Int = 1, day: Int = 1, hour: Int = 0, minute: Int = 0,
                second: Int = 0, microsecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// The instant `seconds` after the epoch, rounded to the microsecond (as matplotlib's
    /// `num2date`); nil when not finite or beyond ±10¹¹ years' worth of seconds.
    public init?(seconds: Double) {
        guard seconds.isFinite, abs(seconds) < 3e15 else { return nil }
        let micros = Int64((seconds * 1e6).rounded())
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 { rest += perDay; days -= 1 }
        let (y, m, d) = CivilTime.civil(fromDays: Int(days))
        let secondsOfDay = Int(rest / 1_000_000)
        self.init(year: y, month: m, day: d, hour: secondsOfDay / 3600,
                  minute: secondsOfDay / 60 % 60, second: secondsOfDay % 60,
                  microsecond: Int(rest % 1_000_000))
    }

    /// Seconds since the epoch.
    public var seconds: Double {
        let days = CivilTime.days(fromCivil: year, month, day)
        let whole = Double(days * 86_400 + hour * 3600 + minute * 60 + second)
        return whole + Double(microsecond) / 1e6
    }

    /// Days from 1970-01-01 to the given date.
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The number of days in `month` of `year`.
    public static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// This instant moved by `months` calendar months, the day clamped to the month's length
    /// (Jan 31 + 1 month = Feb 28/29), as dateutil's `relativedelta`.
    public func addingMonths(_ months: Int) -> CivilTime {
        let index = year * 12 + (month - 1) + months
        var result = self
        result.year = index >= 0 ? index / 12 : (index - 11) / 12
        result.month = index - result.year * 12 + 1
        result.day = Swift.min(day, CivilTime.daysInMonth(result.year, result.month))
        return result
    }

    private static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Formats with the strftime directives %Y %m %b %d %H %M %S %f (others are copied).
    public func format(_ pattern: String) -> String {
        var out = ""
        var percent = false
        for c in pattern {
            if !percent {
                if c == "%" { percent = true } else { out.append(c) }
                continue
            }
            percent = false
            switch c {
            case "Y": out += String(year)
            case "m": out += CivilTime.pad(month, 2)
            case "b": out += CivilTime.monthAbbreviations[(month - 1 + 12) % 12]
            case "d": out += CivilTime.pad(day, 2)
            case "H": out += CivilTime.pad(hour, 2)
            case "M": out += CivilTime.pad(minute, 2)
            case "S": out += CivilTime.pad(second, 2)
            case "f": out += CivilTime.pad(microsecond, 6)
            default: out.append("%"); out.append(c)
            }
        }
        return out
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
