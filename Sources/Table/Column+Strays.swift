extension Column {
    /// The column seen as numbers: its values with non-numbers as missing, its stray cells, and
    /// the counts of number and text cells, a category's texts read as numbers with `cells`
    /// (the dialect the column was read with). Nil for time columns (they never turn numeric).
    func numericView(cells: CSVCellReader = CSVCellReader()) -> (values: [Double], strays: [StrayValue], numbers: Int, texts: Int)? {
        switch storage {
        case .number(let values):
            let numbers = values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
            return (values, strays, numbers, strays.count)
        case .time:
            return nil
        case .category(let codes, let levels):
            let kinds = levels.map { CellKind.of($0, cells: cells) }
            var recorded: [Int: StrayValue] = [:]
            for stray in strays { recorded[stray.row] = stray }
            let source = stray?.location.source ?? strays.first?.location.source ?? ""
            var values: [Double] = []
            values.reserveCapacity(codes.count)
            var found: [StrayValue] = []
            var numbers = 0
            for (row, code) in codes.enumerated() {
                guard code >= 0 else {
                    values.append(.nan)
                    continue
                }
                switch kinds[Int(code)] {
                case .missing:
                    values.append(.nan)
                case .number(let value):
                    values.append(value)
                    numbers += 1
                case .text:
                    values.append(.nan)
                    found.append(recorded[row] ?? StrayValue(row: row, location: DataLocation(source: source),
                                                             text: levels[Int(code)]))
                }
            }
            return (values, found, numbers, found.count)
        }
    }

    /// `first` followed by `second` as one number column, when the two together are numeric
    /// (`CellKind.isNumeric`), texts read with `cells`; nil when they are not, or one of them
    /// is a time column.
    static func mergedAsNumbers(_ first: Column, _ second: Column, cells: CSVCellReader = CSVCellReader()) -> Column? {
        guard let a = first.numericView(cells: cells), let b = second.numericView(cells: cells),
              CellKind.isNumeric(numbers: a.numbers + b.numbers, texts: a.texts + b.texts)
        else { return nil }
        return Column(name: first.name, storage: .number(a.values + b.values),
                      strays: a.strays + b.strays.map { $0.shifted(by: first.count) })
    }

    /// The first cell that is not a number, as the category's `stray`, from `strays`.
    static func firstStray(_ strays: [StrayValue]) -> Stray? {
        strays.first.map { Stray(location: $0.location, display: "'\($0.text)'") }
    }
}
