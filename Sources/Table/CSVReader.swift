import FoundationEssentials

/// Reads CSV and TSV (RFC 4180) into a typed `DataTable`, from a file or from bytes.
public enum CSVReader {
    /// Reads a whole file. A `.tsv` / `.tab` name means tab-delimited unless `options` says otherwise.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws(DataError) -> DataTable {
        let data = try FileBytes.read(path: path)
        return try parse(bytes: data, source: path, options: options.forPath(path))
    }

    /// Parses a whole input held in memory (standard input, a test string, a file read by the caller).
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, options: CSVOptions = CSVOptions()
    ) throws(DataError) -> DataTable {
        if let offset = bytes.withUnsafeBytes(FileBytes.firstNUL) {
            throw DataError(.binary(offset: offset), at: DataLocation(source: source))
        }
        if let encoding = options.encoding, encoding != .utf8 {
            var utf8 = options
            utf8.encoding = .utf8
            let converted = bytes.withUnsafeBytes { TextTranscoder.utf8($0, from: encoding) }
            return try parse(bytes: converted, source: source, options: utf8)
        }
        let result: Result<DataTable, DataError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) -> DataTable in
                let buffer = raw.bindMemory(to: UInt8.self)
                guard let dialect = try CSVDialect.detect(buffer, source: source, options: options, complete: true) else {
                    throw DataError(.emptyInput, at: DataLocation(source: source))
                }
                return try parseRows(buffer, source: source, dialect: dialect, options: options, complete: true).table
            }
        }
        do {
            return try result.get()
        } catch where error.kind == .invalidUTF8 && options.encoding == nil {
            // Not UTF-8: an export from an older tool. Windows-1252 decodes any byte; say so.
            var fallback = options
            fallback.encoding = .windows1252
            var table = try parse(bytes: bytes, source: source, options: fallback)
            let line = error.location.line.map { " (line \($0))" } ?? ""
            table.readNotes.insert("\(source): not valid UTF-8\(line); read as Windows-1252 (give an encoding to choose another)",
                                  at: 0)
            return table
        }
    }

    /// Detects delimiter and header from the first lines; nil while a growing input has no whole line yet.
    public static func detectDialect<Bytes: ContiguousBytes>(
        bytes: Bytes, source: String, options: CSVOptions = CSVOptions(), complete: Bool
    ) throws(DataError) -> CSVDialect? {
        let result: Result<CSVDialect?, DataError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) -> CSVDialect? in
                try CSVDialect.detect(raw.bindMemory(to: UInt8.self), source: source, options: options, complete: complete)
            }
        }
        return try result.get()
    }

    /// Reads the rows in `bytes[offset...]`, which starts at physical line `line`, with a known dialect.
    ///
    /// With `complete == false` only rows that end with a line break are read; a half-written
    /// last row is left for the next call (start it at `consumed`). This is how `watch` reads
    /// appended data.
    public static func parse<Bytes: ContiguousBytes>(
        bytes: Bytes, from offset: Int, line: Int, dialect: CSVDialect, source: String,
        options: CSVOptions = CSVOptions(), complete: Bool
    ) throws(DataError) -> TableChunk {
        var dialect = dialect
        dialect.dataOffset = offset
        dialect.dataLine = line
        let result: Result<TableChunk, DataError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) -> TableChunk in
                try parseRows(raw.bindMemory(to: UInt8.self), source: source, dialect: dialect, options: options, complete: complete)
            }
        }
        return try result.get()
    }

    static func parseRows(
        _ buffer: UnsafeBufferPointer<UInt8>, source: String, dialect: CSVDialect, options: CSVOptions, complete: Bool
    ) throws(DataError) -> TableChunk {
        var end = buffer.count
        if !complete {
            if let base = buffer.baseAddress,
                let lastBreak = CSVDialect.lastLineBreak(in: base, from: dialect.dataOffset, to: end)
            {
                end = lastBreak + 1
            } else {
                end = min(dialect.dataOffset, end)
            }
        }
        guard let base = buffer.baseAddress, dialect.dataOffset < end else {
            let columns = dialect.names.map { Column(name: $0, storage: .number([])) }
            let table = applyTimestamps(DataTable(source: source, columns: columns, rowCount: 0), options)
            return TableChunk(table: table, consumed: min(dialect.dataOffset, buffer.count), nextLine: dialect.dataLine)
        }
        let scanner = CSVScanner(base: base, end: end, delimiter: dialect.delimiter)
        let parser = CSVTableParser(scanner: scanner, source: source, names: dialect.names, complete: complete,
                                    cells: dialect.cells(options), comment: dialect.comment, conventions: dialect.conventions)
        let outcome = try parser.parse(from: dialect.dataOffset, firstLine: dialect.dataLine)
        return TableChunk(table: applyTimestamps(outcome.table, options), consumed: outcome.consumed, nextLine: outcome.nextLine)
    }

    /// Numeric columns named in `timestampColumns` become date-times.
    static func applyTimestamps(_ table: DataTable, _ options: CSVOptions) -> DataTable {
        guard !options.timestampColumns.isEmpty else { return table }
        var table = table
        for (index, column) in table.columns.enumerated() {
            guard let unit = options.timestampColumns[column.name], case .number(let values) = column.storage else { continue }
            let scale = unit == .milliseconds ? 0.001 : 1
            table.replaceColumn(at: index, with: Column(name: column.name, storage: .time(values.map { $0 * scale }, .dateTime)))
        }
        return table
    }
}
