import JSON

/// The shape of a delimited file found before its rows are read: delimiter, column names, where data starts.
public struct CSVDialect: Sendable, Equatable {
    /// The field delimiter byte.
    public var delimiter: UInt8
    /// The column names (from the header, or `col1`, `col2`, ...), made unique.
    public var names: [String]
    /// Whether the first row was a header.
    public var hasHeader: Bool
    /// The byte offset of the first data row (after a byte-order mark and the header).
    public var dataOffset: Int
    /// The 1-based physical line of the first data row.
    public var dataLine: Int
    /// The decimal mark: `.`, or `,` given or detected (`1,5;2,25`).
    public var decimal: UInt8
    /// Lines starting with this byte are comments, skipped wherever they are.
    public var comment: UInt8?
    /// Choices made for columns on the first read, applied to every later one (`watch`'s
    /// appended rows); empty for a new file.
    public var conventions: [String: ReadConvention] = [:]

    /// Creates a dialect.
    public init(delimiter: UInt8, names: [String], hasHeader: Bool, dataOffset: Int, dataLine: Int,
                decimal: UInt8 = UInt8(ascii: "."), comment: UInt8? = nil) {
        self.delimiter = delimiter
        self.names = names
        self.hasHeader = hasHeader
        self.dataOffset = dataOffset
        self.dataLine = dataLine
        self.decimal = decimal
        self.comment = comment
    }

    /// How cells become values under this dialect and `options`.
    func cells(_ options: CSVOptions) -> CSVCellReader {
        CSVCellReader(decimal: decimal, thousands: options.thousands, extraMissing: options.missingValues.map { Array($0.utf8) })
    }

    /// Whether the line at `p` is a comment line.
    @inline(__always)
    static func isComment(_ base: UnsafePointer<UInt8>, _ p: Int, _ end: Int, _ comment: UInt8?) -> Bool {
        guard let comment else { return false }
        return p < end && base[p] == comment
    }

    /// The index after the line that starts at `p` (its line break included), and whether it ended with LF.
    static func skipLine(_ base: UnsafePointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        var i = p
        while i < end, base[i] != CSVScanner.lf, base[i] != CSVScanner.cr { i += 1 }
        if i < end, base[i] == CSVScanner.cr { i += 1; if i < end, base[i] == CSVScanner.lf { i += 1 } } else if i < end { i += 1 }
        return i
    }

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")]
    static let sampleSize = 65_536
    static let sampleRows = 50

    /// Detects the dialect from the first lines of `bytes`.
    ///
    /// With `complete == false` (a file still being written) only whole lines count, and nil
    /// means "not enough bytes yet". Throws `.emptyInput` for a complete input with no content.
    static func detect(
        _ bytes: UnsafeBufferPointer<UInt8>, source: String, options: CSVOptions, complete: Bool
    ) throws(DataError) -> CSVDialect? {
        guard let base = bytes.baseAddress else {
            if complete { throw DataError(.emptyInput, at: DataLocation(source: source)) }
            return nil
        }
        let count = bytes.count
        var start = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        // Excel's `sep=;` first line names the delimiter (and is not a row): a punctuation
        // byte or a tab, never a quote, a letter or a byte that can be part of a number.
        var excelDelimiter: UInt8?
        if start + 5 < count, Array(UnsafeBufferPointer(start: base + start, count: 4)) == Array("sep=".utf8),
           base[start + 5] == CSVScanner.lf || base[start + 5] == CSVScanner.cr,
           let named = CSVReadSetting.character(String(decoding: [base[start + 4]], as: UTF8.self)),
           !NumberParser.canContinueNumber(named), !(named >= 0x41 && named <= 0x5A), !(named >= 0x61 && named <= 0x7A) {
            excelDelimiter = base[start + 4]
            start = skipLine(base, start, count)
        }
        // Leading blank lines are skipped, and comment lines: a file whose first line starts
        // with `#` has `#` comments unless the options name another comment byte.
        var line = excelDelimiter == nil ? 1 : 2
        var lastComment: Int?
        let comment = options.comment ?? (start < count && base[start] == UInt8(ascii: "#") ? UInt8(ascii: "#") : nil)
        while start < count {
            if base[start] == CSVScanner.lf || base[start] == CSVScanner.cr {
                if base[start] == CSVScanner.lf || !(start + 1 < count && base[start + 1] == CSVScanner.lf) { line += 1 }
                start += 1
            } else if isComment(base, start, count, comment) {
                lastComment = start
                let next = skipLine(base, start, count)
                if !complete, next == count, base[count - 1] != CSVScanner.lf, base[count - 1] != CSVScanner.cr { return nil }
                start = next
                line += 1
            } else {
                break
            }
        }
        let lastLineBreak = lastLineBreak(in: base, from: start, to: count)
        var sampleEnd = min(count, start + sampleSize)
        if !complete {
            guard let lastLineBreak else { return nil }
            sampleEnd = min(sampleEnd, lastLineBreak + 1)
        }
        if sampleEnd < count, let cut = self.lastLineBreak(in: base, from: start, to: sampleEnd) {
            sampleEnd = cut + 1
        } else if sampleEnd < count, complete {
            sampleEnd = count
        }
        if start >= sampleEnd || (start..<sampleEnd).allSatisfy({ base[$0] == 0x20 || base[$0] == 0x09 }) {
            if complete { throw DataError(.emptyInput, at: DataLocation(source: source)) }
            return nil
        }
        let delimiter = options.delimiter ?? excelDelimiter ?? detectDelimiter(base, start, sampleEnd, comment: comment)
        let scanner = CSVScanner(base: base, end: sampleEnd, delimiter: delimiter)
        // Tokenize the sample's first rows.
        var rows: [[CSVField]] = []
        var p = start
        var firstRowBroken = false
        while p < sampleEnd, rows.count < sampleRows {
            if scanner.isBlankLine(at: p) {
                p = scanner.skipLineBreak(at: p)
                continue
            }
            if isComment(base, p, sampleEnd, comment) {
                p = skipLine(base, p, sampleEnd)
                continue
            }
            var row: [CSVField] = []
            while true {
                guard let field = try? scanner.field(at: p) else {
                    if rows.isEmpty { firstRowBroken = true }
                    p = sampleEnd
                    break
                }
                row.append(field)
                p = field.next
                if field.terminator != .delimiter { break }
            }
            if !row.isEmpty, !firstRowBroken { rows.append(row) }
        }
        guard let first = rows.first, !firstRowBroken else {
            if complete {
                throw DataError(.unterminatedQuote, at: DataLocation(source: source, line: line))
            }
            return nil
        }
        let decimal = options.decimal
            ?? detectDecimal(scanner, rows: rows, thousands: options.thousands)
        let cells = CSVCellReader(decimal: decimal, thousands: options.thousands,
                                  extraMissing: options.missingValues.map { Array($0.utf8) })
        let firstKinds = first.map { classify(scanner, $0, cells) }
        let hasHeader: Bool
        switch options.header {
        case .present: hasHeader = true
        case .absent, .names: hasHeader = false
        case .detect:
            let laterHasValues = rows.dropFirst().contains { row in
                row.contains { let kind = classify(scanner, $0, cells); return kind == .number || kind == .time }
            }
            let allNames = firstKinds.allSatisfy { $0 == .text || $0 == .empty } && firstKinds.contains(.text)
            hasHeader = allNames && (rows.count == 1 || laterHasValues)
        }
        var names: [String]
        if case .names(let given) = options.header {
            names = given
        } else if hasHeader {
            names = []
            for field in first {
                let decoded = scanner.decode(field)
                guard let name = String(validating: decoded, as: UTF8.self) else {
                    throw DataError(.invalidUTF8, at: DataLocation(source: source, line: line))
                }
                names.append(name.trimmingSpaces())
            }
        } else if delimiter == CSVScanner.whitespace, let at = lastComment,
                  case let words = commentWords(base, at, count), words.count == first.count {
            names = words  // `# x y z` right above whitespace-separated numbers names them
        } else {
            names = Array(repeating: "", count: first.count)
        }
        try ResourceLimits.standard.checkColumns(names.count, source: source)
        names = uniqueNames(names)
        let dataOffset = hasHeader ? first.last!.next : start
        let dataLine = hasHeader ? line + 1 + first.reduce(0) { $0 + $1.newlines } : line
        return CSVDialect(delimiter: delimiter, names: names, hasHeader: hasHeader, dataOffset: dataOffset, dataLine: dataLine,
                          decimal: decimal, comment: comment)
    }

    /// Empty names become `colN` (1-based position); repeated names get `.1`, `.2` (as pandas does).
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for (index, raw) in names.enumerated() {
            var name = raw.isEmpty ? "col\(index + 1)" : raw
            if seen.contains(name) {
                var suffix = 1
                while seen.contains("\(name).\(suffix)") { suffix += 1 }
                name = "\(name).\(suffix)"
            }
            seen.insert(name)
            result.append(name)
        }
        return result
    }

    /// A decimal comma when the delimiter is not a comma and sampled cells look like `1,5`
    /// (digits, one comma, digits) while none looks like `1.5`; else a point.
    static func detectDecimal(_ scanner: CSVScanner, rows: [[CSVField]], thousands: UInt8?) -> UInt8 {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        guard scanner.delimiter != comma, thousands != comma else { return point }
        var commas = 0, points = 0
        for row in rows {
            for field in row {
                let bytes = scanner.decode(field)
                let trimmed = bytes.drop { $0 == 0x20 } .reversed().drop { $0 == 0x20 }.reversed()
                var body = Array(trimmed)
                if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body.removeFirst() }
                guard let mark = body.firstIndex(where: { $0 == comma || $0 == point }), mark > 0, mark < body.count - 1 else { continue }
                let digits = body.enumerated().allSatisfy { k, b in k == mark || (b >= 0x30 && b <= 0x39) }
                guard digits else { continue }
                if body[mark] == comma { commas += 1 } else if thousands != point { points += 1 }
            }
        }
        return commas > 0 && points == 0 ? comma : point
    }

    /// The candidate found the same non-zero number of times on every sampled line (the most
    /// such), else the one most frequent on the first line, else comma. Quotes are respected;
    /// comment lines do not count.
    static func detectDelimiter(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, comment: UInt8? = nil) -> UInt8 {
        var perLine: [[Int]] = []
        var counts = [0, 0, 0, 0]
        var inQuotes = false
        var i = start
        while i < end, perLine.count < sampleRows {
            if !inQuotes, i == start || base[i - 1] == CSVScanner.lf || base[i - 1] == CSVScanner.cr,
               isComment(base, i, end, comment) {
                i = skipLine(base, i, end)
                continue
            }
            let byte = base[i]
            if byte == CSVScanner.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == CSVScanner.lf {
                    perLine.append(counts)
                    counts = [0, 0, 0, 0]
                } else if let k = candidates.firstIndex(of: byte) {
                    counts[k] += 1
                }
            }
            i += 1
        }
        if i >= end, !inQuotes, perLine.isEmpty || counts != [0, 0, 0, 0] { perLine.append(counts) }
        guard let firstLine = perLine.first else { return candidates[0] }
        var best: (index: Int, count: Int)? = nil
        for k in candidates.indices where firstLine[k] > 0 && perLine.allSatisfy({ $0[k] == firstLine[k] }) {
            if best == nil || firstLine[k] > best!.count { best = (k, firstLine[k]) }
        }
        if let best { return candidates[best.index] }
        // No comma, semicolon or pipe, and tabs (if any) not one per field: blank-separated
        // words, the same number on every line (aligned columns mix spaces and tabs).
        let tab = candidates.firstIndex(of: UInt8(ascii: "\t"))!
        if perLine.allSatisfy({ counts in counts.indices.allSatisfy { $0 == tab || counts[$0] == 0 } }),
           splitsOnWhitespace(base, start, end, comment: comment) {
            return CSVScanner.whitespace
        }
        if let k = candidates.indices.max(by: { firstLine[$0] < firstLine[$1] }), firstLine[k] > 0 {
            return candidates[k]
        }
        return candidates[0]
    }

    /// Whether the sampled lines (none holding a candidate delimiter) are fields separated by
    /// blanks: the same number of blank-separated words, at least two, on every line, and no
    /// quotes (`np.savetxt` output, gnuplot data files).
    static func splitsOnWhitespace(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, comment: UInt8?) -> Bool {
        var counts: [Int] = []
        var i = start
        while i < end, counts.count < sampleRows {
            if isComment(base, i, end, comment) { i = skipLine(base, i, end); continue }
            var words = 0, inWord = false
            while i < end, base[i] != CSVScanner.lf, base[i] != CSVScanner.cr {
                if base[i] == CSVScanner.quote { return false }
                let blank = CSVScanner.isBlank(base[i])
                if !blank && !inWord { words += 1 }
                inWord = !blank
                i += 1
            }
            while i < end, base[i] == CSVScanner.lf || base[i] == CSVScanner.cr { i += 1 }
            if words > 0 { counts.append(words) }
        }
        guard let first = counts.first, first >= 2 else { return false }
        return counts.allSatisfy { $0 == first }
    }

    /// The words of a comment line (`# x y z`, as `np.savetxt(header=...)` and gnuplot data
    /// files name their columns), without the comment byte.
    static func commentWords(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [String] {
        var i = start + 1
        var words: [String] = []
        var word: [UInt8] = []
        while i < end, base[i] != CSVScanner.lf, base[i] != CSVScanner.cr {
            if CSVScanner.isBlank(base[i]) {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word = [] }
            } else {
                word.append(base[i])
            }
            i += 1
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    enum FieldKind { case empty, number, time, text }

    /// What a sampled field looks like, for header detection.
    static func classify(_ scanner: CSVScanner, _ field: CSVField, _ cells: CSVCellReader) -> FieldKind {
        let bytes = scanner.decode(field)
        return bytes.withUnsafeBufferPointer { buffer in
            let trimmed = CSVTableParser.trim(buffer)
            if cells.isMissing(trimmed) { return .empty }
            if cells.number(trimmed) != nil { return .number }
            if TimeParser.parse(trimmed) != nil || TimeParser.numericDateFields(trimmed) != nil { return .time }
            // `1,234` in a quoted field is a value, as the column's reading will find.
            if cells.thousands == nil,
               ThousandsGrouping(separator: cells.decimal == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: "."))
                .isGrouped(trimmed, decimal: cells.decimal) { return .number }
            return .text
        }
    }

    /// The last LF or CR in `start..<end`: where the last whole line ends, whatever the line ends are.
    static func lastLineBreak(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = end - 1
        while i >= start {
            if base[i] == CSVScanner.lf || base[i] == CSVScanner.cr { return i }
            i -= 1
        }
        return nil
    }

    static func lastIndex(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = end - 1
        while i >= start {
            if base[i] == byte { return i }
            i -= 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let c = slice.first, c == " " || c == "\t" { slice.removeFirst() }
        while let c = slice.last, c == " " || c == "\t" { slice.removeLast() }
        return String(slice)
    }
}
