import JSON

extension CSVTableParser {
    /// Reads whole rows of plain numbers while every column is numeric: the row loop's fast lane.
    ///
    /// Each field is a number ending exactly at the delimiter (the last one at a line break),
    /// stored straight at index `rows` of its column: one store, with the column pointers and
    /// counters in locals instead of the columns' structs. At anything else (a blank or comment
    /// line, a quote, a missing value, text, a wrong field count, the end of the bytes without
    /// a line break) it stops at the start of that row, and the general loop reads the row
    /// again, so errors, growing-file semantics and text columns stay the general loop's.
    /// Values it wrote for that unfinished row are past the columns' counts and get overwritten.
    ///
    /// Returns false when a column is text (the lane then no longer applies), else true.
    func numericRows(
        _ columns: UnsafeMutableBufferPointer<CSVColumnAccumulator>, _ rows: inout Int, _ p: inout Int, _ line: inout Int
    ) -> Bool {
        let columnCount = columns.count
        guard columnCount > 0 else { return false }
        var capacity = Int.max
        for column in columns {
            if column.isText { return false }
            // Every numeric column holds one value per row read; anything else is the general loop's.
            if column.numbers.count != rows { return true }
            capacity = min(capacity, column.numbers.capacity)
        }
        let end = scanner.end
        // With a line break last, every number stops before `end` and its scan needs no bounds checks.
        let terminated = p < end && (scanner.base[end - 1] == CSVScanner.lf || scanner.base[end - 1] == CSVScanner.cr)
        var row = rows, position = p, lines = 0
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Double>.self, capacity: columnCount) { targets in
            for index in 0..<columnCount { targets[index] = columns[index].numbers.base }
            if terminated {
                plainRows(targets, capacity, &row, &position, &lines, terminated: true)
            } else {
                plainRows(targets, capacity, &row, &position, &lines, terminated: false)
            }
        }
        for index in 0..<columnCount { columns[index].numbers.setCount(row) }
        rows = row
        p = position
        line += lines
        return true
    }

    /// The lane's loop, from `position` (at a row start) to the first row it does not take.
    @inline(__always)
    private func plainRows(
        _ targets: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>, _ capacity: Int, _ row: inout Int,
        _ position: inout Int, _ lines: inout Int, terminated: Bool
    ) {
        let base = scanner.base, end = scanner.end, delimiter = scanner.delimiter
        // A row starting with one of these is a blank or comment line.
        let lf = CSVScanner.lf, cr = CSVScanner.cr, comment = self.comment ?? CSVScanner.lf
        let last = targets.count - 1
        rowLoop: while position < end, row < capacity {
            let first = base[position]
            if first == lf || first == cr || first == comment { break }
            var q = position
            var column = 0
            while true {
                var value = 0.0
                q = NumberParser.scan(base, q, end, &value, terminated: terminated)
                guard q >= 0, q < end else { break rowLoop }
                let byte = base[q]
                targets[column][row] = value
                q += 1
                if column < last {
                    guard byte == delimiter else { break rowLoop }
                    column += 1
                    continue
                }
                if byte == lf { break }
                guard byte == cr else { break rowLoop }
                if q < end, base[q] == lf { q += 1 }
                break
            }
            row += 1
            lines += 1
            position = q
        }
    }
}
