extension Column {
    /// Appends `other`'s values after this column's, reconciling the two types.
    ///
    /// A side without any present value takes the other's type; equal types concatenate (dates
    /// and date-times give date-times; category levels are merged); a number or time meeting a
    /// category turns into a category of display texts. This is how `watch` grows a table from
    /// chunks that were typed separately.
    public mutating func append(contentsOf other: Column) {
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
            mine.append(contentsOf: theirs)
            storage = .number(mine)
        case (.time(var mine, let kindA), .time(let theirs, let kindB)):
            storage = .number([])
            mine.append(contentsOf: theirs)
            storage = .time(mine, kindA == .date && kindB == .date ? .date : .dateTime)
        case (.category(var codes, var levels), .category(let theirCodes, let theirLevels)):
            storage = .number([])
            var merged = CategoryLevels(levels)
            let remap: [Int32] = theirLevels.map { merged.code($0) }
            levels = merged.levels
            codes.reserveCapacity(codes.count + theirCodes.count)
            for code in theirCodes { codes.append(code < 0 ? -1 : remap[Int(code)]) }
            storage = .category(codes: codes, levels: levels)
            if stray == nil { stray = other.stray }
        default:
            let first = asCategory(), second = other.asCategory()
            self = first
            stray = stray ?? other.stray
            append(contentsOf: second)
        }
    }

    /// Appends `count` missing values.
    public mutating func appendMissing(count extra: Int) {
        append(contentsOf: Column.missing(name: name, kind: kind, count: extra))
    }

    /// This column as categories of its display texts (a category column is returned as is).
    func asCategory() -> Column {
        if case .category = storage { return self }
        var levels = CategoryLevels()
        var codes: [Int32] = []
        codes.reserveCapacity(count)
        for row in 0..<count { codes.append(text(at: row).map { levels.code($0) } ?? -1) }
        return Column(name: name, storage: .category(codes: codes, levels: levels.levels), stray: stray)
    }
}
