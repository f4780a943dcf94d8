/// How to read a delimited text file; every choice defaults to detection.
public struct CSVOptions: Sendable, Equatable {
    /// Whether the first row holds column names.
    public enum Header: Sendable, Equatable {
        /// Decide from the data: a first row of names (no numbers, no dates; some may be empty) above
        /// rows with numbers or dates, or a file with only that row, is a header; otherwise the
        /// columns are named `col1`, `col2`, ...
        case detect
        /// The first row holds the column names.
        case present
        /// There is no header; columns are named `col1`, `col2`, ...
        case absent
        /// There is no header in the bytes; use these names (for reading appended chunks).
        case names([String])
    }

    /// The field delimiter (an ASCII byte such as `,`, `\t`, `;`, `|`); nil detects it from the
    /// first lines among comma, tab, semicolon and pipe.
    public var delimiter: UInt8?
    /// Header handling.
    public var header: Header
    /// Numeric columns to read as Unix timestamps, by name, with their unit.
    public var timestampColumns: [String: TimestampUnit]

    /// Creates options; the defaults detect everything.
    public init(delimiter: UInt8? = nil, header: Header = .detect, timestampColumns: [String: TimestampUnit] = [:]) {
        self.delimiter = delimiter
        self.header = header
        self.timestampColumns = timestampColumns
    }
}

extension CSVOptions {
    /// These options for reading `path`: a `.tsv` / `.tab` name means tab-delimited unless a
    /// delimiter was given.
    func forPath(_ path: String) -> CSVOptions {
        var o = self
        let lower = path.lowercased()
        if o.delimiter == nil, lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { o.delimiter = UInt8(ascii: "\t") }
        return o
    }
}
