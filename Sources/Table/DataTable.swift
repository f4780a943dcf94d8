/// A table read from CSV, TSV, JSON Lines or JSON: ordered, named, typed columns of equal length.
public struct DataTable: Sendable, Equatable {
    /// Where the table came from (a file name or `-`), used in every error message about it.
    public var source: String
    /// The columns, in file order (header order, or order of first appearance of JSON keys).
    public private(set) var columns: [Column]
    /// The number of rows.
    public private(set) var rowCount: Int
    /// True for a 2-D array (a `.npy` file): its columns are the matrix's columns `0` … `c−1`,
    /// which a heat map with `"matrix": true` draws whole on numeric axes.
    public var isMatrix = false
    /// What was read differently from the bytes as written, one line each, for the user to see
    /// (`decoded as Windows-1252`, a date column's invalid values read as missing).
    public var readNotes: [String] = []
    /// The choices reading made for columns whose text left one (`ReadConvention`), by name.
    public var readConventions: [String: ReadConvention] = [:]

    /// Creates a table; every column must have `rowCount` values (a programming error otherwise).
    public init(source: String, columns: [Column], rowCount: Int? = nil) {
        let rows = rowCount ?? columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "DataTable: columns of unequal length")
        self.source = source
        self.columns = columns
        self.rowCount = rows
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column with this name, or nil.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The column with this name, or nil.
    public subscript(name: String) -> Column? { column(named: name) }

    /// The values of a column as numbers (time columns give seconds since the epoch).
    ///
    /// Throws when there is no such column, or when the column is not numeric: the error names
    /// the first value that is not a number, with its line or key path
    /// (`metrics.csv:57: column 'loss': expected a number, found 'abc'`).
    public func numbers(named name: String) throws(DataError) -> [Double] {
        guard let column = column(named: name) else {
            throw DataError(.noSuchColumn(available: columnNames), at: DataLocation(source: source), column: name)
        }
        switch column.storage {
        case .number(let values), .time(let values, _):
            return values
        case .category(let codes, let levels):
            if let stray = column.stray {
                throw DataError(.expectedNumber(found: stray.display), at: stray.location, column: name)
            }
            let first = codes.first { $0 >= 0 }.map { "'\(levels[Int($0)])'" } ?? "no values"
            throw DataError(.expectedNumber(found: first), at: DataLocation(source: source), column: name)
        }
    }

    /// Appends the rows of `other`, matching columns by name.
    ///
    /// Columns only in `other` are added with missing values for the earlier rows; columns
    /// missing from `other` get missing values for its rows. Types are reconciled as in
    /// `Column.append(contentsOf:)`.
    public mutating func append(_ other: DataTable) {
        append(other, cells: CSVCellReader())
    }

    /// Appends like `append(_:)`; a column's texts are typed again with `cells`, the CSV dialect
    /// the rows were read with (`Column.append(contentsOf:cells:)`).
    mutating func append(_ other: DataTable, cells: CSVCellReader) {
        var seen = Set<String>()
        for incoming in other.columns {
            seen.insert(incoming.name)
            if let index = columns.firstIndex(where: { $0.name == incoming.name }) {
                columns[index].append(contentsOf: incoming, cells: cells)
            } else {
                var column = Column.missing(name: incoming.name, kind: incoming.kind, count: rowCount)
                column.append(contentsOf: incoming, cells: cells)
                columns.append(column)
            }
        }
        for index in columns.indices where !seen.contains(columns[index].name) {
            columns[index].appendMissing(count: other.rowCount)
        }
        rowCount += other.rowCount
        for note in other.readNotes where !readNotes.contains(note) { readNotes.append(note) }
        readConventions.merge(other.readConventions) { mine, _ in mine }
    }

    /// Appends like `append(_:)`, after checking the result against `limits`
    /// (for `watch`, which keeps appending to one table).
    public mutating func appendChecked(_ other: DataTable, limits: ResourceLimits = .standard) throws(DataError) {
        let known = Set(columnNames)
        let columnCount = columns.count + other.columns.filter { !known.contains($0.name) }.count
        try limits.checkTable(rows: rowCount + other.rowCount, columns: columnCount, source: source)
        append(other)
    }

    /// Replaces the storage of one column (for example numbers read as Unix timestamps).
    mutating func replaceColumn(at index: Int, with column: Column) {
        precondition(column.count == rowCount)
        columns[index] = column
    }
}
