/// One column's values while its rows are parsed: numbers until a value is not a number, then
/// raw field offsets (typed as time or category once all rows are known).
struct CSVColumnAccumulator {
    /// Values of rows `0..<textStartRow` while the column is numeric (all rows if it stays so).
    var numbers: NumberBuffer
    /// The finished numeric values (set after the loop, when the column stayed numeric).
    var finished: [Double] = []
    /// Whether a non-number value was seen; the column is then time or category.
    var isText = false
    /// The first row kept as raw fields.
    var textStartRow = 0
    /// Raw field offsets (start, end) of rows from `textStartRow` on.
    var fields: [Int] = []
    /// The first value that was not a number: its line and bytes.
    var stray: (line: Int, bytes: [UInt8])?

    init(numbers: NumberBuffer) { self.numbers = numbers }

    /// Switches to raw-field mode at `row`.
    mutating func becomeText(atRow row: Int, line: Int, bytes: [UInt8]) {
        isText = true
        textStartRow = row
        stray = (line, bytes)
    }

    /// Forgets everything from `row` on (a half-written row in incremental reading).
    mutating func truncate(toRows row: Int) {
        if isText {
            if textStartRow >= row {
                isText = false
                fields.removeAll()
                stray = nil
                numbers.truncate(to: row)
            } else {
                let keep = (row - textStartRow) * 2
                if fields.count > keep { fields.removeLast(fields.count - keep) }
            }
        } else {
            numbers.truncate(to: row)
        }
    }
}
