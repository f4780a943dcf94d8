import JSON

/// Collects JSON records (objects) into typed columns, in order of first key appearance.
///
/// Nested objects flatten to dotted names (`eval.loss`), arrays to indexed names (`sizes[0]`).
/// A key missing from a record, or `null`, is a missing value; a key that appears part-way
/// gives earlier rows missing values. Booleans are numbers 0 / 1. At the end each column is a
/// number column (mostly numbers: other strings are missing values and `strays`), a time column
/// (strings that are all dates), or a category. An object with a `"_type"` string is a Weights &
/// Biases media, histogram or table value (`{"_type": "image-file", "width": 32, ...}`): it is
/// not a metric, so it makes no columns, and a read note names it.
struct RecordTableBuilder {
    /// How rows are located in messages.
    enum Locator {
        /// JSON Lines: each row's physical line.
        case lines
        /// An array of records reached by this key path prefix (`""` for a top-level array, `log_history`).
        case keyPath(String)
    }

    private enum Cell {
        case missing
        case number(Double)
        case text(String)
    }

    /// One column's values as they were given: the rows that have one, in order, and the values.
    /// Rows without a value cost nothing until `table()` (memory grows with the values present,
    /// not with rows × keys).
    private struct Sparse {
        var rows: [Int] = []
        var cells: [Cell] = []
    }

    let source: String
    let locator: Locator
    /// Choices an earlier read of the same file made (`ReadConvention`): `watch` passes the
    /// UTC offset the first lines of a JSON Lines log chose, so appended times are shown at it.
    var conventions: [String: ReadConvention] = [:]
    private var names: [String] = []
    private var index: [String: Int] = [:]
    private var columns: [Sparse] = []
    private var rowLines: [Int] = []
    private(set) var rowCount = 0
    /// Keys of skipped W&B media objects with their `_type`, in order of first appearance.
    private var media: [(key: String, type: String)] = []

    init(source: String, locator: Locator) {
        self.source = source
        self.locator = locator
    }

    /// Adds one record; `line` is its physical line (JSON Lines) or ignored.
    mutating func add(record members: [(key: String, value: JSONValue)], line: Int) {
        for member in members { add(member.value, name: member.key) }
        rowLines.append(line)
        rowCount += 1
    }

    private mutating func add(_ value: JSONValue, name: String) {
        switch value {
        case .object(let members):
            if let type = members.first(where: { $0.key == "_type" }), case .string(let kind) = type.value {
                if !media.contains(where: { $0.key == name }) { media.append((name, kind)) }
                return
            }
            for member in members { add(member.value, name: name + "." + member.key) }
        case .array(let elements):
            for (position, element) in elements.enumerated() { add(element, name: "\(name)[\(position)]") }
        case .null: set(.missing, name: name)
        case .bool(let flag): set(.number(flag ? 1 : 0), name: name)
        case .number(let number): set(.number(number), name: name)
        case .string(let text): set(.text(text), name: name)
        }
    }

    private mutating func set(_ cell: Cell, name: String) {
        let column: Int
        if let existing = index[name] {
            column = existing
        } else {
            column = names.count
            index[name] = column
            names.append(name)
            columns.append(Sparse())
        }
        if columns[column].rows.last == rowCount {
            columns[column].cells[columns[column].cells.count - 1] = cell  // a repeated key: the last one wins
        } else {
            columns[column].rows.append(rowCount)
            columns[column].cells.append(cell)
        }
    }

    /// The typed table; throws when rows × columns is over `ResourceLimits.standard` (checked
    /// before the columns are filled out to full length).
    func table() throws(DataError) -> DataTable {
        try ResourceLimits.standard.checkTable(rows: rowCount, columns: names.count, source: source)
        var decided: [String: ReadConvention] = [:]
        let columns = names.indices.map { index -> Column in
            let sparse = self.columns[index]
            // Numbers only (the common case): straight into the column, no per-row cells.
            if let numbers = numbers(sparse) { return Column(name: names[index], storage: .number(numbers)) }
            return column(names[index], dense(sparse), decided: &decided)
        }
        var table = DataTable(source: source, columns: columns, rowCount: rowCount)
        table.readConventions = decided
        for (key, type) in media {
            table.readNotes.append("\(source): key '\(MessageText.escaped(key))' holds W&B media (\"_type\": \"\(MessageText.escaped(type))\"), not numbers: not drawn")
        }
        return table
    }

    /// A column's values when it holds no text (missing rows NaN); nil otherwise.
    private func numbers(_ sparse: Sparse) -> [Double]? {
        var numbers = [Double](repeating: .nan, count: rowCount)
        for (row, cell) in zip(sparse.rows, sparse.cells) {
            switch cell {
            case .missing: continue
            case .number(let value): numbers[row] = value
            case .text: return nil
            }
        }
        return numbers
    }

    /// A column's cells for every row (`.missing` where a record has no value).
    private func dense(_ sparse: Sparse) -> [Cell] {
        var cells = [Cell](repeating: .missing, count: rowCount)
        for (row, cell) in zip(sparse.rows, sparse.cells) { cells[row] = cell }
        return cells
    }

    private func column(_ name: String, _ cells: [Cell], decided: inout [String: ReadConvention]) -> Column {
        var numbers: [Double] = []
        numbers.reserveCapacity(cells.count)
        var firstText: Int?
        for (row, cell) in cells.enumerated() {
            switch cell {
            case .missing: numbers.append(.nan)
            case .number(let value): numbers.append(value)
            case .text:
                firstText = row
            }
            if firstText != nil { break }
        }
        guard let firstText else { return Column(name: name, storage: .number(numbers)) }
        // Strings: all dates (and no numbers) make a time column.
        var times: [Double] = []
        var isTime = true, anyClock = false
        // The first written UTC offset (`TimeParser.Parsed.offset`), or the one an earlier read chose.
        var offset: Double?
        if case .utcOffset(let known) = conventions[name] { offset = known }
        for cell in cells {
            switch cell {
            case .missing: times.append(.nan)
            case .number: isTime = false
            case .text(let text):
                if let parsed = TimeParser.parse(text) {
                    times.append(parsed.seconds)
                    anyClock = anyClock || parsed.hasTime
                    if offset == nil { offset = parsed.offset }
                } else {
                    isTime = false
                }
            }
            if !isTime { break }
        }
        if isTime {
            if let offset {
                decided[name] = .utcOffset(offset)
                if offset != 0 { for i in times.indices { times[i] += offset } }
            }
            return Column(name: name, storage: .time(times, anyClock ? .dateTime : .date))
        }
        // Mostly numbers (strings that spell numbers count as numbers, as in CSV): a number
        // column whose other strings are missing values and strays.
        var values: [Double] = []
        values.reserveCapacity(cells.count)
        var textRows: [Int] = []
        var numberCount = 0
        for (row, cell) in cells.enumerated() {
            switch cell {
            case .missing: values.append(.nan)
            case .number(let value):
                values.append(value)
                numberCount += 1
            case .text(let text):
                switch CellKind.of(text) {
                case .missing: values.append(.nan)
                case .number(let value):
                    values.append(value)
                    numberCount += 1
                case .text:
                    values.append(.nan)
                    textRows.append(row)
                }
            }
        }
        let isNumeric = CellKind.isNumeric(numbers: numberCount, texts: textRows.count)
        let recorded = isNumeric ? textRows[...] : textRows.prefix(StrayValue.categoryRecordLimit)
        let strays = recorded.map { row -> StrayValue in
            guard case .text(let text) = cells[row] else { preconditionFailure() }
            return StrayValue(row: row, location: location(row: row, name: name), text: text)
        }
        if isNumeric { return Column(name: name, storage: .number(values), strays: strays) }
        var levelIndex: [String: Int32] = [:]
        var levels: [String] = []
        var codes: [Int32] = []
        codes.reserveCapacity(cells.count)
        for cell in cells {
            let text: String
            switch cell {
            case .missing:
                codes.append(-1)
                continue
            case .number(let value): text = Column.format(number: value)
            case .text(let value): text = value
            }
            if let code = levelIndex[text] {
                codes.append(code)
            } else {
                let code = Int32(levels.count)
                levelIndex[text] = code
                levels.append(text)
                codes.append(code)
            }
        }
        guard case .text(let strayText) = cells[firstText] else { preconditionFailure() }
        let stray = Column.Stray(location: location(row: firstText, name: name), display: MessageText.jsonQuoted(strayText))
        return Column(name: name, storage: .category(codes: codes, levels: levels), stray: stray, strays: strays)
    }

    /// Where a row's value of column `name` is: its line (JSON Lines) or key path.
    private func location(row: Int, name: String) -> DataLocation {
        switch locator {
        case .lines: return DataLocation(source: source, line: rowLines[row])
        case .keyPath(let prefix): return DataLocation(source: source, keyPath: "\(prefix)[\(row)].\(name)")
        }
    }
}
