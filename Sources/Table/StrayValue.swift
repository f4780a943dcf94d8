/// A cell that is not a number in a column that is otherwise numeric: a missing value there,
/// reported as a warning (`DataWarning`) so that no data is dropped silently.
///
/// A column is numeric when its cells that parse as numbers outnumber those that
/// do not (empty cells and missing markers such as `NA` count for neither); a column that is
/// mostly text stays a category. The whole-file readers and the incremental reader decide this
/// on the same counts, so both give the same table.
public struct StrayValue: Sendable, Equatable {
    /// The row (0-based, within its column) the value sits in.
    public var row: Int
    /// Where it is: the source with a line (CSV, JSON Lines) or a key path (JSON documents).
    public var location: DataLocation
    /// The cell's text, as written.
    public var text: String

    /// Creates a stray value.
    public init(row: Int, location: DataLocation, text: String) {
        self.row = row
        self.location = location
        self.text = text
    }

    /// The same value moved down by `rows` (its column was appended after `rows` others).
    func shifted(by rows: Int) -> StrayValue {
        StrayValue(row: row + rows, location: location, text: text)
    }

    /// How many non-number cells a category column keeps with their locations: enough to
    /// report the first ones should later rows turn the column numeric.
    static let categoryRecordLimit = 1_000
}
