import JSON

/// The row loop: fields to typed columns in one pass over the bytes.
///
/// While a column is numeric, each field is parsed as a number where it stands (no String, no
/// copy): if the number ends exactly at a delimiter or line break, that is the value. Anything
/// else (quotes, spaces, missing markers, text) takes the general path. While no column is
/// text, whole rows of such numbers go through a lane of their own (`numericRows`). A column's
/// first non-number switches it to keeping raw field offsets; its earlier rows are recovered by
/// a second scan, and the whole column is then typed as time (every value a date) or category.
struct CSVTableParser {
    let scanner: CSVScanner
    let source: String
    let names: [String]
    /// Whether the bytes end the input (else a row without a final line break is left unread).
    let complete: Bool
    /// Missing values, decimal mark and thousands separator.
    var cells = CSVCellReader()
    /// Lines starting with this byte are skipped.
    var comment: UInt8?
    /// Choices made for columns by an earlier read of the same file (`ReadConvention`).
    var conventions: [String: ReadConvention] = [:]

    /// What `parse` produced.
    struct Outcome {
        var table: DataTable
        /// The offset after the last row read.
        var consumed: Int
        /// The physical line where reading stopped.
        var nextLine: Int
    }

    /// Reads rows from `start` (line `firstLine`) to the end of the scanner's bytes.
    func parse(from start: Int, firstLine: Int) throws(DataError) -> Outcome {
        let columnCount = names.count
        // Rows never outnumber line breaks + 1, so the column buffers never grow.
        let lineBreaks = CSVTableParser.countLineBreaks(scanner.base, start, scanner.end)
        var rows = 0
        var p = start
        var line = firstLine
        var failure: DataError?
        var columns: [CSVColumnAccumulator] = []
        let arrays = NumberBuffer.arrays(count: columnCount, capacity: lineBreaks + 1) { buffers in
            columns = buffers.map { CSVColumnAccumulator(numbers: $0) }
            columns.withUnsafeMutableBufferPointer { columns in
                failure = rowLoop(&columns, &rows, &p, &line)
            }
            for index in columns.indices {
                buffers[index] = columns[index].numbers
                if columns[index].isText { buffers[index].removeAll() }
            }
        }
        for index in columns.indices { columns[index].finished = arrays[index] }
        if let failure { throw failure }
        var table = DataTable(source: source, columns: [], rowCount: 0)
        var built: [Column] = []
        try recoverEarlyFields(&columns, from: start)
        var warnings: [String] = []
        var decided: [String: ReadConvention] = [:]
        for index in 0..<columnCount {
            built.append(try finish(columns[index], name: names[index], rows: rows, firstLine: firstLine, start: start,
                                    notes: &warnings, decided: &decided))
        }
        table = DataTable(source: source, columns: built, rowCount: rows)
        table.readNotes = warnings
        table.readConventions = decided
        return Outcome(table: table, consumed: p, nextLine: line)
    }

    // MARK: - The hot loop

    private func rowLoop(
        _ columns: inout UnsafeMutableBufferPointer<CSVColumnAccumulator>, _ rows: inout Int, _ p: inout Int,
        _ line: inout Int
    ) -> DataError? {
        let base = scanner.base, end = scanner.end, delimiter = scanner.delimiter
        let columnCount = columns.count
        // A delimiter that can be part of a number (`.`, `e`, `-`, a digit) would be read across
        // by the fast path (`1e-2-3` with `-`); such files take the general path, which splits first.
        let fastPath = !NumberParser.canContinueNumber(delimiter) && cells.readsInPlace && !scanner.splitsOnWhitespace
        // While no column is text, plain rows go through the fast lane; this loop reads the rest.
        // When the lane takes only a few rows (a file with an empty field in most rows), this loop
        // reads the next `laneRest` rows alone, twice as many each time: rows are not scanned
        // twice, and the lane's set-up is not paid per row.
        var numericLane = fastPath
        var laneRest = 0, laneBackoff = 16
        while p < end {
            if numericLane, laneRest == 0 {
                let before = rows
                numericLane = numericRows(columns, &rows, &p, &line)
                if rows - before < 16 {
                    laneRest = laneBackoff
                    laneBackoff = min(laneBackoff * 2, 4096)
                } else {
                    laneBackoff = 16
                }
                if p >= end { break }
            }
            if scanner.isBlankLine(at: p) {
                let next = scanner.skipLineBreak(at: p)
                // Blanks at the end of a file still being written are the start of a row.
                if !complete, next == end, CSVScanner.isBlank(base[end - 1]) { return nil }
                line += 1
                p = next
                continue
            }
            if CSVDialect.isComment(base, p, end, comment) {
                let next = CSVDialect.skipLine(base, p, end)
                if !complete, next == end, base[end - 1] != CSVScanner.lf, base[end - 1] != CSVScanner.cr { return nil }
                line += 1
                p = next
                continue
            }
            let rowStart = p
            var column = 0
            var newlines = 0
            while true {
                if fastPath, column < columnCount, !columns[column].isText {
                    // The fast path: a plain number right up to a delimiter or line break.
                    var value = 0.0
                    let q = NumberParser.scan(base, p, end, &value)
                    if q >= 0, q < end {
                        let byte = base[q]
                        if byte == delimiter {
                            columns[column].numbers.append(value)
                            column += 1
                            p = q + 1
                            continue
                        }
                        if byte == CSVScanner.lf || byte == CSVScanner.cr {
                            columns[column].numbers.append(value)
                            column += 1
                            p = q + 1
                            if byte == CSVScanner.cr, p < end, base[p] == CSVScanner.lf { p += 1 }
                            if column != columnCount {
                                return DataError(
                                    .fieldCount(found: column, expected: columnCount),
                                    at: DataLocation(source: source, line: line))
                            }
                            break
                        }
                    }
                }
                let field: CSVField
                do {
                    field = try scanner.field(at: p)
                } catch {
                    if !complete {
                        for index in 0..<columnCount { columns[index].truncate(toRows: rows) }
                        p = rowStart
                        return nil
                    }
                    return DataError(.unterminatedQuote, at: DataLocation(source: source, line: line + newlines))
                }
                if column < columnCount {
                    general(field, &columns[column], row: rows, line: line + newlines)
                }
                newlines += field.newlines
                column += 1
                p = field.next
                if field.terminator == .delimiter { continue }
                if field.terminator == .inputEnd, !complete {
                    // Only whole lines are read while a file grows.
                    for index in 0..<columnCount { columns[index].truncate(toRows: rows) }
                    p = rowStart
                    return nil
                }
                if column != columnCount {
                    return DataError(
                        .fieldCount(found: column, expected: columnCount), at: DataLocation(source: source, line: line))
                }
                break
            }
            rows += 1
            line += 1 + newlines
            if laneRest > 0 { laneRest -= 1 }
        }
        return nil
    }

    /// A field that is not a plain number at a delimiter: quoted, padded, missing, or text.
    private func general(_ field: CSVField, _ column: inout CSVColumnAccumulator, row: Int, line: Int) {
        if column.isText {
            column.fields.append(field.start)
            column.fields.append(field.end)
            return
        }
        let decoded = scanner.decode(field)
        let value: Double? = decoded.withUnsafeBufferPointer { buffer in
            let trimmed = CSVTableParser.trim(buffer)
            if cells.isMissing(trimmed) { return .nan }
            return cells.number(trimmed)
        }
        if let value {
            column.numbers.append(value)
        } else {
            column.becomeText(atRow: row, line: line, bytes: decoded)
            column.fields.append(field.start)
            column.fields.append(field.end)
        }
    }

    // MARK: - Text columns

    /// Scans rows again up to the last row a text column kept as numbers, to get their raw fields.
    private func recoverEarlyFields(_ columns: inout [CSVColumnAccumulator], from start: Int) throws(DataError) {
        let needed = columns.indices.filter { columns[$0].isText && columns[$0].textStartRow > 0 }
        guard let lastRow = needed.map({ columns[$0].textStartRow }).max() else { return }
        var early = Array(repeating: [Int](), count: columns.count)
        var p = start
        var row = 0
        while row < lastRow, p < scanner.end {
            if scanner.isBlankLine(at: p) {
                p = scanner.skipLineBreak(at: p)
                continue
            }
            if CSVDialect.isComment(scanner.base, p, scanner.end, comment) {
                p = CSVDialect.skipLine(scanner.base, p, scanner.end)
                continue
            }
            var column = 0
            while true {
                guard let field = try? scanner.field(at: p) else { return }
                if column < columns.count, columns[column].isText, row < columns[column].textStartRow {
                    early[column].append(field.start)
                    early[column].append(field.end)
                }
                column += 1
                p = field.next
                if field.terminator != .delimiter { break }
            }
            row += 1
        }
        for index in needed {
            columns[index].fields = early[index] + columns[index].fields
            columns[index].numbers.removeAll()
        }
    }

    /// Types a finished column: numbers stay numbers; text becomes time if every value is a date, else category.
    private func finish(
        _ accumulator: CSVColumnAccumulator, name: String, rows: Int, firstLine: Int, start: Int, notes: inout [String],
        decided: inout [String: ReadConvention]
    ) throws(DataError) -> Column {
        guard accumulator.isText else { return Column(name: name, storage: .number(accumulator.finished)) }
        let fields = accumulator.fields
        var values: [[UInt8]] = []
        values.reserveCapacity(rows)
        for k in stride(from: 0, to: fields.count, by: 2) {
            let field = CSVField(
                start: fields[k], end: fields[k + 1], quoted: fields[k] < fields[k + 1] && scanner.base[fields[k]] == CSVScanner.quote,
                next: 0, terminator: .delimiter, newlines: 0)
            values.append(scanner.decode(field))
        }
        var times: [Double] = []
        times.reserveCapacity(values.count)
        var timeCount = 0, anyClock = false
        var offset: Double?  // the first written UTC offset, or the file's earlier choice
        if case .utcOffset(let known) = conventions[name] { offset = known }
        var invalid: [Int] = []
        for (row, value) in values.enumerated() {
            let parsed: TimeParser.Parsed?? = value.withUnsafeBufferPointer { buffer in
                let trimmed = CSVTableParser.trim(buffer)
                if cells.isMissing(trimmed) { return .some(nil) }
                return TimeParser.parse(trimmed).map { Optional($0) }
            }
            guard let parsed else {
                // Not a date: a few among many dates are typos (`25:00`), read as missing.
                invalid.append(row)
                if invalid.count > CSVTableParser.tolerated(of: values.count) { break }
                times.append(.nan)
                continue
            }
            if let parsed {
                timeCount += 1
                anyClock = anyClock || parsed.hasTime
                if offset == nil, let written = parsed.offset { offset = written }
            }
            times.append(parsed?.seconds ?? .nan)
        }
        if timeCount > 0, times.count == values.count, invalid.count <= CSVTableParser.tolerated(of: timeCount + invalid.count) {
            var stray: Column.Stray?
            var warnings: [String] = []
            if let row = invalid.first {
                let line = firstLine + lineBreaks(from: start, to: fields[row * 2])
                let location = DataLocation(source: source, line: line)
                stray = Column.Stray(location: location, display: MessageText.quoted(values[row]))
                let count = invalid.count == 1 ? "1 value" : "\(invalid.count) values"
                warnings.append("\(source):\(line): column '\(MessageText.escaped(name))': \(MessageText.quoted(values[row])) "
                                + "is not a valid date or time; \(count) of \(values.count) read as missing")
            }
            notes.append(contentsOf: warnings)
            if let offset {
                // Shown at the first written offset, as matplotlib does (`TimeParser.Parsed.offset`).
                decided[name] = .utcOffset(offset)
                if offset != 0 { for i in times.indices { times[i] += offset } }
            }
            return Column(name: name, storage: .time(times, anyClock ? .dateTime : .date), stray: stray)
        }
        // All-numeric dates (`13/03/2024`): day and month ordered once for the whole column.
        let knownOrder: NumericDateOrder? = if case .dateOrder(let order) = conventions[name] { order } else { nil }
        if let (order, byValue) = knownOrder.map({ ($0, true) }) ?? NumericDateOrder.detect(values, cells: cells) {
            var times: [Double] = [], anyClock = false, parsedAll = true
            times.reserveCapacity(values.count)
            for value in values {
                let parsed: TimeParser.Parsed?? = value.withUnsafeBufferPointer { buffer in
                    let trimmed = CSVTableParser.trim(buffer)
                    if cells.isMissing(trimmed) { return .some(nil) }
                    return TimeParser.parseNumericDate(trimmed, dayFirst: order == .dayFirst).map { Optional($0) }
                }
                guard let parsed else { parsedAll = false; break }
                anyClock = anyClock || parsed?.hasTime == true
                times.append(parsed?.seconds ?? .nan)
            }
            if parsedAll, knownOrder != nil {
                return Column(name: name, storage: .time(times, anyClock ? .dateTime : .date))
            }
            if parsedAll {
                decided[name] = .dateOrder(order)
                let example = values.first { !$0.isEmpty }.map { MessageText.quoted($0) } ?? ""
                notes.append("\(source): column '\(MessageText.escaped(name))': dates such as \(example) read as \(order.pattern)"
                             + (byValue ? " (a value above 12 decides)" : " (no value decides; the usual order for this separator)"))
                return Column(name: name, storage: .time(times, anyClock ? .dateTime : .date))
            }
        }
        // Numbers with a thousands separator the read options did not name (`"1,234,567"`).
        let knownGrouping: ThousandsGrouping? = if case .thousands(let separator) = conventions[name] {
            ThousandsGrouping(separator: separator)
        } else { nil }
        let numberCells = knownGrouping.map { $0.cells(from: cells) } ?? ThousandsGrouping.detect(values, cells: cells).map { grouping in
            decided[name] = .thousands(grouping.separator)
            notes.append("\(source): column '\(MessageText.escaped(name))': numbers read with "
                         + "'\(Character(Unicode.Scalar(grouping.separator)))' as the thousands separator (detected; --thousands sets it)")
            return grouping.cells(from: cells)
        } ?? cells
        // Mostly numbers: a number column; each text cell is a missing value and a stray.
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        var textRows: [Int] = []
        for (row, value) in values.enumerated() {
            switch value.withUnsafeBufferPointer({ CellKind.of($0, cells: numberCells) }) {
            case .missing: numbers.append(.nan)
            case .number(let number): numbers.append(number)
            case .text:
                numbers.append(.nan)
                textRows.append(row)
            }
        }
        let numberCount = numbers.count - numbers.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        let isNumeric = CellKind.isNumeric(numbers: numberCount, texts: textRows.count)
        let recorded = isNumeric ? textRows[...] : textRows.prefix(StrayValue.categoryRecordLimit)
        let lines = lineNumbers(ofRows: Array(recorded), fields: fields, firstLine: firstLine, start: start)
        let strays = zip(recorded, lines).map { row, line in
            StrayValue(row: row, location: DataLocation(source: source, line: line),
                       text: String(decoding: CSVTableParser.trimmed(values[row]), as: UTF8.self))
        }
        if isNumeric { return Column(name: name, storage: .number(numbers), strays: strays) }
        var levels = CategoryLevels()
        var codes: [Int32] = []
        codes.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            if value.isEmpty {
                codes.append(-1)
                continue
            }
            guard let text = String(validating: value, as: UTF8.self) else {
                let line = firstLine + lineBreaks(from: start, to: fields[row * 2])
                throw DataError(.invalidUTF8, at: DataLocation(source: source, line: line), column: name)
            }
            codes.append(levels.code(text))
        }
        var stray: Column.Stray?
        if let (line, bytes) = accumulator.stray {
            stray = Column.Stray(
                location: DataLocation(source: source, line: line), display: MessageText.quoted(bytes))
        }
        return Column(name: name, storage: .category(codes: codes, levels: levels.levels), stray: stray, strays: strays)
    }

    /// The physical lines of the given rows (ascending) of a text column, in one pass over the bytes.
    private func lineNumbers(ofRows rows: [Int], fields: [Int], firstLine: Int, start: Int) -> [Int] {
        var lines: [Int] = []
        lines.reserveCapacity(rows.count)
        var position = start
        var line = firstLine
        for row in rows {
            let fieldStart = fields[row * 2]
            if fieldStart > position {
                line += lineBreaks(from: position, to: fieldStart)
                position = fieldStart
            }
            lines.append(line)
        }
        return lines
    }

    private func lineBreaks(from start: Int, to end: Int) -> Int {
        var count = 0
        for i in start..<min(end, scanner.end) where scanner.base[i] == CSVScanner.lf { count += 1 }
        return count
    }

    // MARK: - Helpers

    /// The number of LF and CR bytes in `start..<end`, 16 bytes at a time.
    static func countLineBreaks(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var total = 0
        var i = start
        let lf = SIMD16<UInt8>(repeating: CSVScanner.lf), cr = SIMD16<UInt8>(repeating: CSVScanner.cr)
        let zero = SIMD16<UInt8>(repeating: 0), one = SIMD16<UInt8>(repeating: 1)
        while end - i >= 16 {
            // Per-lane counts stay below 256 for up to 255 blocks.
            var lanes = zero
            var blocks = 0
            while blocks < 255, end - i >= 16 {
                let chunk = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                lanes &+= zero.replacing(with: one, where: (chunk .== lf) .| (chunk .== cr))
                i += 16
                blocks += 1
            }
            total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < end {
            if base[i] == CSVScanner.lf || base[i] == CSVScanner.cr { total += 1 }
            i += 1
        }
        return total
    }

    /// The bytes without leading and trailing ASCII spaces and tabs.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { Array(trim($0)) }
    }

    /// The buffer without leading and trailing ASCII spaces and tabs.
    static func trim(_ buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = buffer.count
        while lo < hi, buffer[lo] == 0x20 || buffer[lo] == 0x09 { lo += 1 }
        while hi > lo, buffer[hi - 1] == 0x20 || buffer[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: buffer[lo..<hi])
    }

    /// How many values that are not dates a date column of `count` values may hold (read as
    /// missing, with a warning): one in twenty, and at least one when there are 4 or more.
    static func tolerated(of count: Int) -> Int { count >= 4 ? max(1, count / 20) : 0 }
}
