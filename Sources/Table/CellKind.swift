/// What one table cell holds when its column is typed: nothing, a number, or text.
///
/// One rule for every reader, so the whole-file readers and the incremental reader type a
/// column the same way: empty cells and missing markers (`NA`, `null`, ...) are missing; a
/// cell that parses whole as a number (spaces and tabs around it allowed) is a number;
/// anything else is text.
enum CellKind: Equatable {
    case missing
    case number(Double)
    case text

    /// The kind of a cell's bytes, read with `cells`' missing-value spellings, decimal mark and
    /// thousands separator (`CSVCellReader`; the defaults for JSON).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, cells: CSVCellReader = CSVCellReader()) -> CellKind {
        let trimmed = CSVTableParser.trim(bytes)
        if cells.isMissing(trimmed) { return .missing }
        return cells.number(trimmed).map { .number($0) } ?? .text
    }

    /// The kind of a cell's text, read with `cells` (the defaults for JSON).
    static func of(_ text: String, cells: CSVCellReader = CSVCellReader()) -> CellKind {
        var text = text
        return text.withUTF8 { of($0, cells: cells) }
    }

    /// True when a column with these counts of number and text cells is numeric: it has
    /// more number cells than text cells (a column that is half text or more stays a category).
    static func isNumeric(numbers: Int, texts: Int) -> Bool { texts < numbers }
}
