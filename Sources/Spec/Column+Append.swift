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
            var index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
            let remap: [Int32] = theirLevels.map { level in
                if let code = index[level] { return code }
                let code = Int32(levels.count)
                levels.append(level)
                index[level] = code
                return code
            }
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
        var index: [String: Int32] = [:]
        var levels: [String] = []
        var codes: [Int32] = []
        codes.reserveCapacity(count)
        for row in 0..<count {
            guard let text = text(at: row) else {
                codes.append(-1)
                continue
            }
            if let code = index[text] {
                codes.append(code)
            } else {
                let code = Int32(levels.count)
                index[text] = code
                levels.append(text)
                codes.append(code)
            }
        }
        return Column(name: name, storage: .category(codes: codes, levels: levels), stray: stray)
    }
}
