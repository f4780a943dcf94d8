/// The order of day and month in a column of all-numeric dates (`13/03/2024`, `03.04.2024`),
/// decided once for the whole column, as a person reads it.
///
/// A first number above 12 anywhere in the column means day first; a second number above 12
/// means month first; both in one column is not a date column. When no value decides, dots
/// mean day first (`03.04.2024` is written day first wherever dots are used) and slashes or
/// hyphens mean month first, as pandas' and dateutil's default reads `03/04/2024`; the read note
/// says so and `"dayfirst"`-style doubt is settled by the data, never per value.
/// Credits: the rule is pandas' `to_datetime(dayfirst=...)` made automatic the way spreadsheet
/// imports guess a column's locale from its values.
public enum NumericDateOrder: Sendable, Hashable {
    case dayFirst, monthFirst

    /// The column's order and whether a value decided it (false: the separator's convention),
    /// or nil when the non-missing values are not all numeric dates or contradict each other.
    static func detect(_ values: [[UInt8]], cells: CSVCellReader) -> (order: NumericDateOrder, decided: Bool)? {
        var dayFirst = false, monthFirst = false, separator: UInt8?
        var seen = 0
        for value in values {
            let fields: (Int, Int, UInt8)?? = value.withUnsafeBufferPointer { buffer in
                let trimmed = CSVTableParser.trim(buffer)
                if cells.isMissing(trimmed) { return .some(nil) }
                return TimeParser.numericDateFields(trimmed).map { Optional($0) }
            }
            guard let fields else { return nil }
            guard let (a, b, sep) = fields else { continue }
            if separator == nil { separator = sep } else if separator != sep { return nil }
            seen += 1
            if a > 12 { dayFirst = true }
            if b > 12 { monthFirst = true }
        }
        guard seen > 0, !(dayFirst && monthFirst) else { return nil }
        if dayFirst { return (.dayFirst, true) }
        if monthFirst { return (.monthFirst, true) }
        return (separator == UInt8(ascii: ".") ? .dayFirst : .monthFirst, false)
    }

    /// How the order is written in a read note.
    var pattern: String { self == .dayFirst ? "day/month/year" : "month/day/year" }
}
