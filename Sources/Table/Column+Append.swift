extension Column {
    /// Appends `other`'s values after this column's, reconciling the two types.
    ///
    /// A side without any present value takes the other's type; equal types concatenate (dates
    /// and date-times give date-times; category levels are merged); a number column meeting a
    /// category stays numeric when numbers are the majority of the two together (the text cells
    /// become missing values, kept in `strays`), as the whole-file readers decide; otherwise,
    /// and for a time column, both turn into a category of display texts. This is how `watch`
    /// grows a table from chunks that were typed separately; `cells` are the decimal mark,
    /// thousands separator and missing spellings the chunks were read with (the CSV dialect;
    /// the defaults for JSON), so a category's texts are typed again as the whole-file reader
    /// would type them.
    public mutating func append(contentsOf other: Column) {
        append(contentsOf: other, cells: CSVCellReader())
    }

    /// Appends `other`'s values, a category's texts typed again with `cells` (see `append(contentsOf:)`).
    mutating func append(contentsOf other: Column, cells: CSVCellReader) {
        if other.count == 0 { return }
        if count == 0 || missingCount == count {
            let padding = count
            self = Column.missing(name: name, kind: other.kind, count: padding)
            stray = other.stray
        }
        var other = other
        if other.missingCount == other.count { other = Column.missing(name: name, kind: kind, count: other.count) }
        switch (storage, other.storage) {
        case (.number(var mine), .number(let theirs)):
            storage = .number([])
            strays.append(contentsOf: other.strays.map { $0.shifted(by: mine.count) })
            mine.append(contentsOf: theirs)
            storage = .number(mine)
        case (.time(var mine, let kindA), .time(let theirs, let kindB)):
            storage = .number([])
            mine.append(contentsOf: theirs)
            storage = .time(mine, kindA == .date && kindB == .date ? .date : .dateTime)
        case (.category(var codes, var levels), .category(let theirCodes, let theirLevels)):
            storage = .number([])
            if strays.count < StrayValue.categoryRecordLimit {
                let offset = codes.count
                strays.append(contentsOf: other.strays.prefix(StrayValue.categoryRecordLimit - strays.count)
                    .map { $0.shifted(by: offset) })
            }
            var merged = CategoryLevels(levels)
            let remap: [Int32] = theirLevels.map { merged.code($0) }
            levels = merged.levels
            codes.reserveCapacity(codes.count + theirCodes.count)
            for code in theirCodes { codes.append(code < 0 ? -1 : remap[Int(code)]) }
            storage = .category(codes: codes, levels: levels)
            if stray == nil { stray = other.stray }
        default:
            // A number column meeting text cells (or the reverse) stays numeric while numbers
            // are the majority: the text cells become missing values and warnings.
            if let merged = Column.mergedAsNumbers(self, other, cells: cells) {
                self = merged
                return
            }
            let first = asCategory(), second = other.asCategory()
            self = first
            stray = stray ?? other.stray
            append(contentsOf: second, cells: cells)
        }
    }

    /// Appends `count` missing values.
    public mutating func appendMissing(count extra: Int) {
        append(contentsOf: Column.missing(name: name, kind: kind, count: extra))
    }

    /// This column as categories of its display texts (a category column is returned as is).
    /// The stray cells of a number column get their texts back.
    func asCategory() -> Column {
        if case .category = storage { return self }
        var strayTexts: [Int: String] = [:]
        for stray in strays { strayTexts[stray.row] = stray.text }
        var levels = CategoryLevels()
        var codes: [Int32] = []
        codes.reserveCapacity(count)
        for row in 0..<count { codes.append((strayTexts[row] ?? text(at: row)).map { levels.code($0) } ?? -1) }
        return Column(name: name, storage: .category(codes: codes, levels: levels.levels),
                      stray: stray ?? Column.firstStray(strays),
                      strays: Array(strays.prefix(StrayValue.categoryRecordLimit)))
    }
}
