/// A thousands separator found in a column's values when the read options named none
/// (`"1,234,567"` in a quoted field of a comma-separated file, `1.234.567,5` beside a decimal
/// comma), so spreadsheet exports of money and counts read as numbers, not as text.
///
/// The rule is strict, because a wrong guess would change numbers silently: every value that is
/// not missing is a plain number or a grouped one, at least one is grouped, and every group
/// after the first has exactly three digits (`1,234` and `12,345.5`, never `1,23` or `1,2345`).
/// The separator is the comma under a decimal point and the point under a decimal comma; the
/// read note names the column and the separator. Credits: pandas' `thousands=` read option,
/// here detected per column as spreadsheets' import does.
struct ThousandsGrouping {
    /// The separator: `,` or `.`.
    let separator: UInt8

    /// The grouping of `values` under the decimal mark of `cells`, or nil when the column is not
    /// made of grouped numbers.
    static func detect(_ values: [[UInt8]], cells: CSVCellReader) -> ThousandsGrouping? {
        guard cells.thousands == nil else { return nil }
        let separator = cells.decimal == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let grouping = ThousandsGrouping(separator: separator)
        var grouped = 0
        for value in values {
            let ok: Bool = value.withUnsafeBufferPointer { buffer in
                let trimmed = CSVTableParser.trim(buffer)
                if cells.isMissing(trimmed) { return true }
                if grouping.isGrouped(trimmed, decimal: cells.decimal) { grouped += 1; return true }
                return cells.number(trimmed) != nil
            }
            guard ok else { return nil }
        }
        return grouped > 0 ? grouping : nil
    }

    /// Whether `cell` is a sign, 1–3 digits, one or more separator + 3 digits, then optionally
    /// the decimal mark and digits.
    func isGrouped(_ cell: UnsafeBufferPointer<UInt8>, decimal: UInt8) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var i = 0
        if i < cell.count, cell[i] == UInt8(ascii: "-") || cell[i] == UInt8(ascii: "+") { i += 1 }
        var lead = 0
        while i < cell.count, isDigit(cell[i]) { lead += 1; i += 1 }
        guard (1...3).contains(lead) else { return false }
        var groups = 0
        while i < cell.count, cell[i] == separator {
            for k in 1...3 { guard i + k < cell.count, isDigit(cell[i + k]) else { return false } }
            i += 4
            groups += 1
            if i < cell.count, isDigit(cell[i]) { return false }  // a fourth digit: not a group
        }
        guard groups > 0 else { return false }
        if i == cell.count { return true }
        guard cell[i] == decimal, i + 1 < cell.count else { return false }
        i += 1
        while i < cell.count, isDigit(cell[i]) { i += 1 }
        return i == cell.count
    }

    /// The cell reader that reads this column's values.
    func cells(from cells: CSVCellReader) -> CSVCellReader {
        var grouped = cells
        grouped.thousands = separator
        return grouped
    }
}
