/// How a column's text was read when the text alone left a choice: the order of day and month
/// in all-numeric dates (`NumericDateOrder`), a detected thousands separator
/// (`ThousandsGrouping`), or the UTC offset times are shown at (`TimeParser.Parsed.offset`).
///
/// Decided once per column from the first rows read, and kept: `watch` reads appended rows with
/// the decision its first read made (`CSVDialect.conventions`), so an appended `05/04/2024`
/// means what the file's earlier `13/03/2024` made it mean.
public enum ReadConvention: Sendable, Hashable {
    case dateOrder(NumericDateOrder)
    case thousands(UInt8)
    /// Times shown at this UTC offset in seconds (`TimeParser.Parsed.offset`).
    case utcOffset(Double)
}
