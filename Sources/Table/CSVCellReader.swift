import JSON

/// How one CSV cell's text becomes a value: missing-value spellings, the decimal mark and a
/// thousands separator (pandas' `na_values`, `decimal`, `thousands`).
///
/// With the defaults (`.` decimal, no thousands separator) numbers are parsed where they stand
/// and the row loop may use its fast path; otherwise a number is copied once with the
/// separators removed and the decimal mark made a point.
struct CSVCellReader: Sendable, Equatable {
    /// The decimal mark.
    var decimal: UInt8 = UInt8(ascii: ".")
    /// The thousands separator, if any.
    var thousands: UInt8?
    /// Missing-value spellings beyond the built-in ones.
    var extraMissing: [[UInt8]] = []

    /// Built-in spellings of a missing value: spreadsheets', pandas' and R's (`NA`, `N/A`,
    /// `null`, `None`, `-`, `--`, ...). `nan` is a number (NaN), also missing when plotted.
    static let missingTokens: [[UInt8]] = ["NA", "N/A", "null", "NULL", "None", "none", "NONE", "n/a", "#N/A", "#NA",
                                           "<NA>", "-", "--", "NaT"].map { Array($0.utf8) }

    /// Whether numbers can be read in place (no separator to remove, a point for decimals).
    var readsInPlace: Bool { decimal == UInt8(ascii: ".") && thousands == nil }

    /// Whether a trimmed cell is a missing value (empty, or one of the spellings).
    func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if cell.isEmpty { return true }
        if cell.count <= 4, CSVCellReader.missingTokens.contains(where: { $0.elementsEqual(cell) }) { return true }
        return !extraMissing.isEmpty && extraMissing.contains { $0.elementsEqual(cell) }
    }

    /// The number a trimmed cell holds, or nil when it is not one.
    func number(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        if readsInPlace { return NumberParser.parse(cell) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(cell.count)
        var sawDigit = false
        for (k, byte) in cell.enumerated() {
            if let thousands, byte == thousands {
                // Only between digits: `1,234` but not `,5` or `1,`.
                let next = k + 1 < cell.count ? cell[k + 1] : 0
                guard sawDigit, next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") else { return nil }
                continue
            }
            if byte == decimal {
                normalized.append(UInt8(ascii: "."))
            } else if byte == UInt8(ascii: ".") {
                return nil  // a point where the decimal mark is a comma
            } else {
                normalized.append(byte)
            }
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { sawDigit = true }
        }
        return normalized.withUnsafeBufferPointer { NumberParser.parse($0) }
    }
}
