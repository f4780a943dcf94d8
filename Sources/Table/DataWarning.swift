import JSON

/// A value that was read but cannot be drawn: a cell that is not a number in a numeric column,
/// drawn as a missing value. `render` prints these; `watch` lists them in the sidecar.
///
/// The description reads like a compiler diagnostic:
/// `metrics.csv:57: warning: column 'lr': '[0.0005]' is not a number (drawn as a missing value)`.
public struct DataWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file (or the name given to standard input).
    public var file: String
    /// The 1-based physical line, when the input has lines.
    public var line: Int?
    /// The JSON key path, for whole-document JSON inputs.
    public var keyPath: String?
    /// The column's name.
    public var column: String
    /// The cell's text, as written.
    public var value: String

    /// Creates a warning.
    public init(file: String, line: Int?, keyPath: String? = nil, column: String, value: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.column = column
        self.value = value
    }

    /// `file:line: warning: column 'x': 'value' is not a number (drawn as a missing value)`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let keyPath { place += ": \(keyPath)" }
        // Escaped and shortened (`MessageText`): a cell may hold terminal escapes or binary bytes.
        return "\(place): warning: column '\(MessageText.escaped(column))': \(MessageText.quoted(Array(value.utf8), limit: 60)) "
            + "is not a number (drawn as a missing value)"
    }
}

extension DataTable {
    /// The non-number cells of numeric columns, first ones first (by row, then column order),
    /// at most `limit` of them, with the total count.
    public func warnings(limit: Int = 20) -> (first: [DataWarning], total: Int) {
        var total = 0
        var candidates: [(row: Int, column: Int, warning: DataWarning)] = []
        for (index, column) in columns.enumerated() {
            guard case .number = column.storage else { continue }
            total += column.strays.count
            for stray in column.strays.prefix(limit) {
                let warning = DataWarning(file: stray.location.source, line: stray.location.line,
                                          keyPath: stray.location.keyPath, column: column.name, value: stray.text)
                candidates.append((stray.row, index, warning))
            }
        }
        candidates.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return (candidates.prefix(limit).map(\.warning), total)
    }
}
