import FoundationEssentials
import JSON
import Platform

/// Reads tables from JSON Lines, a JSON array of records, or a Hugging Face `trainer_state.json`.
///
/// Our own byte parser (`JSONParser`) instead of Foundation's `JSONSerialization`: it keeps
/// key order (column order), reports lines, and reads 100k JSON Lines rows in tens of
/// milliseconds (bench/Sources/plotline-csv-bench). It reads the plain `JSONValue` tree, not
/// the spec formats' located `JSONDocument`: measured five times faster to parse (see `JSONValue`).
public enum JSONTableReader {
    /// Reads a whole file (any of the three shapes, detected from the content).
    public static func read(path: String) throws(DataError) -> DataTable {
        try parse(bytes: try FileBytes.read(path: path), source: path)
    }

    /// Parses a whole input, detecting its shape.
    ///
    /// - `[ {...}, {...} ]`: one row per object (`penguins.json`).
    /// - `{ "log_history": [ ... ], ... }`: the Trainer's log, one row per entry; train and eval
    ///   entries have different keys, so each metric has values only on its own rows.
    /// - `{ "key": [ {...}, ... ] }` with exactly one array of objects: those records.
    /// - `[[1700000000.1, 0, 2.3], ...]`, arrays of plain values: rows of columns `col1`, … (as
    ///   a CSV without a header), or TensorBoard's JSON download of one scalar
    ///   (`run-RUN-tag-TAG.json`, `[wall time, step, value]` rows): `Wall time`, `Step`, `Value`.
    /// - `{ "loss": [0.9, 0.7, ...], "val_loss": [...] }`, every value an array of plain values:
    ///   columns (Keras' `history.history`, pandas' `to_json(orient="list")`).
    /// - Otherwise one object per line (JSON Lines); a single object is a one-row table.
    public static func parse<Bytes: ContiguousBytes>(bytes: Bytes, source: String) throws(DataError) -> DataTable {
        if let offset = bytes.withUnsafeBytes(FileBytes.firstNUL) {
            throw DataError(.binary(offset: offset), at: DataLocation(source: source))
        }
        let result: Result<DataTable, DataError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) -> DataTable in
                try parseWhole(raw.bindMemory(to: UInt8.self), source: source)
            }
        }
        return try result.get()
    }

    /// Reads JSON Lines from `offset` (at physical line `line`).
    ///
    /// With `complete == false` a last line without a line break is left for the next call and
    /// is not an error; with `complete == true` it must be a whole object. `conventions` are the
    /// choices an earlier read of the same file made (`ReadConvention`; `watch` passes them).
    public static func parseLines<Bytes: ContiguousBytes>(
        bytes: Bytes, from offset: Int, line: Int, source: String, complete: Bool,
        conventions: [String: ReadConvention] = [:]
    ) throws(DataError) -> TableChunk {
        let result: Result<TableChunk, DataError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) -> TableChunk in
                try lines(raw.bindMemory(to: UInt8.self), from: offset, line: line, source: source, complete: complete,
                          conventions: conventions)
            }
        }
        return try result.get()
    }

    // MARK: - Shapes

    private static func parseWhole(_ buffer: UnsafeBufferPointer<UInt8>, source: String) throws(DataError) -> DataTable {
        guard let base = buffer.baseAddress else { throw DataError(.emptyInput, at: DataLocation(source: source)) }
        var start = 0
        if buffer.count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        var parser = JSONParser(base: base, start: start, end: buffer.count)
        if parser.atEnd() { throw DataError(.emptyInput, at: DataLocation(source: source)) }
        let first: JSONValue
        do {
            first = try parser.value()
        } catch {
            throw syntax(error, buffer, source)
        }
        if case .object = first, !parser.atEnd() {
            return try lines(buffer, from: start, line: 1, source: source, complete: true).table
        }
        guard parser.atEnd() else {
            throw syntax(JSONSyntaxError(offset: parser.position, message: "expected the end of the input after the value"), buffer, source)
        }
        switch first {
        case .array(let elements):
            if let table = try rows(elements, source: source) { return table }
            return try records(elements, prefix: "", source: source)
        case .object(let members):
            if let history = members.first(where: { $0.key == "log_history" })?.value {
                guard case .array(let entries) = history else {
                    throw DataError(.notATable("log_history is not an array"), at: DataLocation(source: source, keyPath: "log_history"))
                }
                return try records(entries, prefix: "log_history", source: source)
            }
            let arrays = members.filter {
                if case .array(let items) = $0.value, let item = items.first, case .object = item { return true }
                return false
            }
            if arrays.count == 1, case .array(let items) = arrays[0].value {
                return try records(items, prefix: arrays[0].key, source: source)
            }
            if let table = try columns(members, source: source) { return table }
            var builder = RecordTableBuilder(source: source, locator: .lines)
            builder.add(record: members, line: 1)
            return try builder.table()
        default:
            throw DataError(.notATable("expected an array of objects, JSON Lines, or a trainer_state.json"), at: DataLocation(source: source))
        }
    }

    /// An object whose every value is an array of numbers, strings, booleans or nulls, read as
    /// columns of those values (row k: every array's k-th value); nil for any other object.
    /// Arrays of different lengths end early with missing values, and a read note says so.
    private static func columns(_ members: [(key: String, value: JSONValue)], source: String) throws(DataError) -> DataTable? {
        var arrays: [(key: String, items: [JSONValue])] = []
        for member in members {
            guard case .array(let items) = member.value else { return nil }
            for item in items {
                switch item {
                case .object, .array: return nil
                default: continue
                }
            }
            arrays.append((member.key, items))
        }
        let lengths = arrays.map(\.items.count)
        guard let longest = lengths.max(), longest >= 2 else { return nil }
        var builder = RecordTableBuilder(source: source, locator: .keyPath(""))
        for row in 0..<longest {
            builder.add(record: arrays.compactMap { row < $0.items.count ? ($0.key, $0.items[row]) : nil }, line: 0)
        }
        var table = try builder.table()
        if Set(lengths).count > 1 {
            let short = arrays.filter { $0.items.count < longest }.map { "'\(MessageText.escaped($0.key))' (\($0.items.count))" }
            table.readNotes.append("\(source): arrays of different lengths read as columns of \(longest) rows; "
                                   + "shorter ones end with missing values: " + short.prefix(5).joined(separator: ", ")
                                   + (short.count > 5 ? ", …" : ""))
        }
        return table
    }

    /// Arrays of plain values as rows (`[[1, 2], [3, 4]]`), or nil when any element is not one.
    private static func rows(_ elements: [JSONValue], source: String) throws(DataError) -> DataTable? {
        var width = 0
        for element in elements {
            guard case .array(let items) = element else { return nil }
            for item in items {
                switch item {
                case .object, .array: return nil
                default: continue
                }
            }
            width = max(width, items.count)
        }
        guard width > 0 else { return nil }
        try ResourceLimits.standard.checkColumns(width, source: source)
        let file = PathName.lastComponent(source).lowercased()
        let names = width == 3 && file.hasPrefix("run-") && file.contains("-tag-") && file.hasSuffix(".json")
            ? ["Wall time", "Step", "Value"] : (1...width).map { "col\($0)" }
        var builder = RecordTableBuilder(source: source, locator: .keyPath(""))
        for element in elements {
            guard case .array(let items) = element else { continue }
            builder.add(record: Array(zip(names, items)).map { (key: $0.0, value: $0.1) }, line: 0)
        }
        return try builder.table()
    }

    private static func records(_ elements: [JSONValue], prefix: String, source: String) throws(DataError) -> DataTable {
        var builder = RecordTableBuilder(source: source, locator: .keyPath(prefix))
        for (position, element) in elements.enumerated() {
            guard case .object(let members) = element else {
                throw DataError(.notATable("expected an object (a record)"), at: DataLocation(source: source, keyPath: "\(prefix)[\(position)]"))
            }
            builder.add(record: members, line: 0)
        }
        return try builder.table()
    }

    private static func lines(
        _ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, line firstLine: Int, source: String, complete: Bool,
        conventions: [String: ReadConvention] = [:]
    ) throws(DataError) -> TableChunk {
        var builder = RecordTableBuilder(source: source, locator: .lines)
        builder.conventions = conventions
        guard let base = buffer.baseAddress else {
            return TableChunk(table: try builder.table(), consumed: offset, nextLine: firstLine)
        }
        let end = buffer.count
        var p = min(offset, end)
        var line = firstLine
        while p < end {
            var stop = p
            while stop < end, base[stop] != CSVScanner.lf, base[stop] != CSVScanner.cr { stop += 1 }
            if stop == end, !complete { break }  // a half-written last line waits for its rest
            var parser = JSONParser(base: base, start: p, end: stop)
            if !parser.atEnd() {
                do {
                    let value = try parser.value()
                    guard case .object(let members) = value else {
                        throw DataError(.notATable("expected one object per line"), at: DataLocation(source: source, line: line))
                    }
                    guard parser.atEnd() else {
                        throw JSONSyntaxError(offset: parser.position, message: "expected the end of the line after the object")
                    }
                    builder.add(record: members, line: line)
                } catch let error as DataError {
                    throw error
                } catch let error as JSONSyntaxError {
                    throw DataError(.invalidJSON(error.message), at: DataLocation(source: source, line: line))
                } catch {
                    throw DataError(.invalidJSON("\(error)"), at: DataLocation(source: source, line: line))
                }
            }
            // LF, CRLF or a lone CR ends the line.
            p = stop < end ? stop + 1 : stop
            if stop < end, base[stop] == CSVScanner.cr, p < end, base[p] == CSVScanner.lf { p += 1 }
            line += 1
        }
        return TableChunk(table: try builder.table(), consumed: p, nextLine: line)
    }

    private static func syntax(_ error: JSONSyntaxError, _ buffer: UnsafeBufferPointer<UInt8>, _ source: String) -> DataError {
        var line = 1
        for i in 0..<min(error.offset, buffer.count) where buffer[i] == CSVScanner.lf { line += 1 }
        return DataError(.invalidJSON(error.message), at: DataLocation(source: source, line: line))
    }
}
