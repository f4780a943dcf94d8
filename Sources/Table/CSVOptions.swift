/// How to read a delimited text file; every choice defaults to detection.
public struct CSVOptions: Sendable, Hashable {
    /// Whether the first row holds column names.
    public enum Header: Sendable, Hashable {
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
    /// The decimal mark (pandas' `decimal`): `.` or `,`; nil detects a decimal comma in files
    /// not separated by commas (`1,5;2,25`), else `.`.
    public var decimal: UInt8?
    /// A thousands separator inside numbers (pandas' `thousands`), such as `,` `.` `'` or a
    /// space; nil: none.
    public var thousands: UInt8?
    /// Lines starting with this byte are skipped (pandas' `comment`, whole lines only); nil:
    /// `#` when the file's first line starts with `#`, else none.
    public var comment: UInt8?
    /// More spellings of a missing value (pandas' `na_values`), besides the built-in ones.
    public var missingValues: [String]
    /// The text encoding (pandas' `encoding`); nil: UTF-8, or Windows-1252 with a warning when
    /// the bytes are not valid UTF-8.
    public var encoding: TextEncoding?

    /// Creates options; the defaults detect everything.
    public init(delimiter: UInt8? = nil, header: Header = .detect, timestampColumns: [String: TimestampUnit] = [:],
                decimal: UInt8? = nil, thousands: UInt8? = nil, comment: UInt8? = nil, missingValues: [String] = [],
                encoding: TextEncoding? = nil) {
        self.delimiter = delimiter
        self.header = header
        self.timestampColumns = timestampColumns
        self.decimal = decimal
        self.thousands = thousands
        self.comment = comment
        self.missingValues = missingValues
        self.encoding = encoding
    }
}

/// The text encodings a table file may be read in.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8 (a byte-order mark is skipped).
    case utf8 = "utf-8"
    /// ISO 8859-1: every byte is the code point of the same number.
    case latin1 = "latin-1"
    /// Windows-1252: Latin-1 with printable characters (€, “ ”, …) in 0x80–0x9F.
    case windows1252 = "windows-1252"

    /// The encoding for a name as pandas and Python spell it (`utf-8`, `utf8`, `latin-1`,
    /// `latin1`, `iso-8859-1`, `cp1252`, `windows-1252`), any letter case; nil otherwise.
    public init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8", "utf-8-sig": self = .utf8
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        case "cp1252", "windows-1252", "windows1252": self = .windows1252
        default: return nil
        }
    }
}

extension CSVOptions {
    /// These options for reading `path`: a `.tsv` / `.tab` name means tab-delimited unless a
    /// delimiter was given.
    public func forPath(_ path: String) -> CSVOptions {
        var o = self
        let lower = path.lowercased()
        if o.delimiter == nil, lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { o.delimiter = UInt8(ascii: "\t") }
        return o
    }
}
