import Dates

/// Dates and date-times from bytes to seconds since the Unix epoch (UTC), and back to ISO text.
///
/// Accepted: ISO 8601 `2012-01-01`, `2019-03-23 20:21:09`, `2019-03-23T20:21:09Z`, minutes only,
/// fractional seconds, offsets `+02:00` / `+0200` / `+02`; the same with slashes
/// (`2015/01/01 01:00:00`, github.csv); month-name dates `Jan 1 2000`, `January 1, 2000`,
/// `1 Jan 2000` (stocks.csv). Times without an offset are taken as UTC. Day arithmetic follows
/// Howard Hinnant's `days_from_civil` (chrono-Compatible Low-Level Date Algorithms).
public enum TimeParser {
    /// The parsed instant and whether the text had a time of day.
    public struct Parsed: Equatable {
        public var seconds: Double
        public var hasTime: Bool
        /// The UTC offset written with the time (`+02:00`: 7200 s; `Z`: 0), nil when none was.
        ///
        /// A column of times is shown at its first written offset, as matplotlib shows times in
        /// the time zone of the first value (`DateConverter.default_units`): `12:00+02:00` reads
        /// 12:00 on the axis, not 10:00 (the column's values are the instants moved by that
        /// offset). Times without an offset are shown as written.
        public var offset: Double? = nil
    }

    /// Parses a whole field; nil if it is not one of the accepted forms or not a valid date.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        guard bytes.count >= 8, bytes.count <= 64 else { return nil }
        var cursor = Cursor(bytes: bytes)
        if let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            if let parsed = isoLike(&cursor) { return parsed }
            cursor = Cursor(bytes: bytes)
            return dayMonthYear(&cursor)
        }
        return monthDayYear(&cursor)
    }

    /// Parses a whole string (for tests and JSON strings).
    public static func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// ISO 8601 text for an instant: `YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM:SS[.fff]Z` otherwise.
    ///
    /// An instant outside the years ±1,000,000 (or not finite) has no calendar text here: it is
    /// written as its number of seconds (`inf`, `1e+30`), never converted to a day count.
    public static func format(_ seconds: Double, kind: TimeKind) -> String {
        let whole = (seconds / 86_400).rounded(.down)
        guard abs(whole) <= maximumDays else { return Column.format(number: seconds) }
        let days = Int(whole)
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if kind == .date { return date }
        let secondOfDay = seconds - whole * 86_400
        let wholeSeconds = Int(secondOfDay.rounded(.down))
        var text = date + "T\(pad(wholeSeconds / 3600, 2)):\(pad(wholeSeconds / 60 % 60, 2)):\(pad(wholeSeconds % 60, 2))"
        let millis = Int(((secondOfDay - Double(wholeSeconds)) * 1000).rounded())
        if millis > 0, millis < 1000 { text += ".\(pad(millis, 3))" }
        return text + "Z"
    }

    /// The largest day count `format` writes as a date (about a million years either way).
    static let maximumDays = 366_000_000.0

    /// Days since 1970-01-01 of a proleptic Gregorian date (Dates' `CivilTime` does the
    /// arithmetic, after Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int { CivilTime.days(fromCivil: year, month, day) }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays count: Int) -> (year: Int, month: Int, day: Int) { CivilTime.civil(fromDays: count) }

    // MARK: - Forms

    private static func isoLike(_ c: inout Cursor) -> Parsed? {
        guard let year = c.digits(exactly: 4) else { return nil }
        let separator = c.peek
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
        c.advance()
        guard let month = c.digits(1...2), c.take(separator!), let day = c.digits(1...2) else { return nil }
        guard var seconds = date(year, month, day) else { return nil }
        if c.atEnd { return Parsed(seconds: seconds, hasTime: false) }
        guard c.take(UInt8(ascii: "T")) || c.take(UInt8(ascii: " ")) || c.take(UInt8(ascii: "t")) else { return nil }
        guard let time = timeOfDay(&c) else { return nil }
        seconds += time
        if c.atEnd { return Parsed(seconds: seconds, hasTime: true) }
        _ = c.take(UInt8(ascii: " "))
        if c.take(UInt8(ascii: "Z")) || c.take(UInt8(ascii: "z")) {
            return c.atEnd ? Parsed(seconds: seconds, hasTime: true, offset: 0) : nil
        }
        guard let sign = c.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        c.advance()
        guard let hours = c.digits(exactly: 2), hours <= 23 else { return nil }
        _ = c.take(UInt8(ascii: ":"))
        let minutes = c.atEnd ? 0 : c.digits(exactly: 2)
        guard let minutes, minutes <= 59, c.atEnd else { return nil }
        let magnitude = Double(hours * 3600 + minutes * 60)
        let offset = sign == UInt8(ascii: "+") ? magnitude : -magnitude
        return Parsed(seconds: seconds - offset, hasTime: true, offset: offset)
    }

    /// `HH:MM[:SS[.fff]]` as seconds since midnight.
    private static func timeOfDay(_ c: inout Cursor) -> Double? {
        guard let hour = c.digits(1...2), hour <= 24, c.take(UInt8(ascii: ":")),
            let minute = c.digits(exactly: 2), minute <= 59
        else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if c.take(UInt8(ascii: ":")) {
            guard let second = c.digits(exactly: 2), second <= 60 else { return nil }
            seconds += Double(second)
            if c.take(UInt8(ascii: ".")) || c.take(UInt8(ascii: ",")) {
                var scale = 0.1
                var any = false
                while let d = c.digit() {
                    seconds += Double(d) * scale
                    scale /= 10
                    any = true
                }
                guard any else { return nil }
            }
        }
        if hour == 24, seconds != 86_400 { return nil }
        return seconds
    }

    /// `Jan 1 2000`, `January 1, 2000`, optionally followed by ` HH:MM[:SS]`.
    private static func monthDayYear(_ c: inout Cursor) -> Parsed? {
        guard let month = monthName(&c), c.take(UInt8(ascii: " ")) || c.take(UInt8(ascii: "-")) else { return nil }
        guard let day = c.digits(1...2) else { return nil }
        _ = c.take(UInt8(ascii: ","))
        guard c.take(UInt8(ascii: " ")) || c.take(UInt8(ascii: "-")), let year = c.digits(exactly: 4) else { return nil }
        return finish(year, month, day, &c)
    }

    /// `1 Jan 2000`, `01-Jan-2000`.
    /// The two leading numbers and the separator of an all-numeric date (`13/03/2024`,
    /// `3.4.2024 10:00`, `03-04-2024`): day and month in an order the text cannot tell.
    static func numericDateFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: Int, second: Int, separator: UInt8)? {
        var c = Cursor(bytes: bytes)
        guard let a = c.digits(1...2), let separator = c.peek,
              separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") || separator == UInt8(ascii: "-")
        else { return nil }
        c.advance()
        guard let b = c.digits(1...2), c.take(separator), c.digits(exactly: 4) != nil else { return nil }
        return (a, b, separator)
    }

    /// An all-numeric date read in the given order (day first: `13/03/2024`; else month
    /// first: `03/13/2024`), with an optional time of day after a space.
    static func parseNumericDate(_ bytes: UnsafeBufferPointer<UInt8>, dayFirst: Bool) -> Parsed? {
        guard let (a, b, separator) = numericDateFields(bytes) else { return nil }
        var c = Cursor(bytes: bytes)
        _ = c.digits(1...2); c.advance(); _ = c.digits(1...2); _ = c.take(separator)
        guard let year = c.digits(exactly: 4) else { return nil }
        return dayFirst ? finish(year, b, a, &c) : finish(year, a, b, &c)
    }

    private static func dayMonthYear(_ c: inout Cursor) -> Parsed? {
        guard let day = c.digits(1...2), c.take(UInt8(ascii: " ")) || c.take(UInt8(ascii: "-")),
            let month = monthName(&c), c.take(UInt8(ascii: " ")) || c.take(UInt8(ascii: "-")),
            let year = c.digits(exactly: 4)
        else { return nil }
        return finish(year, month, day, &c)
    }

    private static func finish(_ year: Int, _ month: Int, _ day: Int, _ c: inout Cursor) -> Parsed? {
        guard var seconds = date(year, month, day) else { return nil }
        if c.atEnd { return Parsed(seconds: seconds, hasTime: false) }
        guard c.take(UInt8(ascii: " ")), let time = timeOfDay(&c), c.atEnd else { return nil }
        seconds += time
        return Parsed(seconds: seconds, hasTime: true)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Double? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return Double(days(year: year, month: month, day: day)) * 86_400
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    /// A month as three letters or in full, any letter case; 1...12.
    private static func monthName(_ c: inout Cursor) -> Int? {
        var letters: [UInt8] = []
        while let byte = c.peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
            letters.append(byte | 0x20)
            c.advance()
            if letters.count > 9 { return nil }
        }
        guard letters.count >= 3 else { return nil }
        for (index, name) in monthNames.enumerated() {
            if letters.count == 3 ? name.prefix(3).elementsEqual(letters) : name == letters
                || (letters.count == 4 && name.prefix(4).elementsEqual(letters) && index == 8)
            {
                return index + 1
            }
        }
        return nil
    }

    /// A read position in a field.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        mutating func advance() { index += 1 }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            index += 1
            return Int(byte - UInt8(ascii: "0"))
        }

        mutating func digits(exactly count: Int) -> Int? { digits(count...count) }

        mutating func digits(_ range: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while count < range.upperBound, let d = digit() {
                value = value * 10 + d
                count += 1
            }
            return count >= range.lowerBound ? value : nil
        }
    }
}
