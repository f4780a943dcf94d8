import JSON

/// Where a value or a problem sits in an input: the source name, a 1-based physical line, a JSON key path.
public struct DataLocation: Sendable, Equatable {
    /// The file name (or `-` / a caller-chosen name for standard input and in-memory bytes).
    public var source: String
    /// The 1-based physical line of the file, counting newlines inside quoted fields.
    public var line: Int?
    /// A JSON key path such as `log_history[3].loss`, for whole-document JSON inputs.
    public var keyPath: String?

    /// Creates a location.
    public init(source: String, line: Int? = nil, keyPath: String? = nil) {
        self.source = source
        self.line = line
        self.keyPath = keyPath
    }
}

/// An input problem that names the source, the line or key path, the column and what was expected.
///
/// The description reads like a compiler diagnostic, `file:line: column 'x': what went wrong`, e.g.
/// `metrics.csv:57: column 'loss': expected a number, found 'abc'` or
/// `trainer_state.json: log_history[3].loss: expected a number, found "abc"`.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The input has no bytes (or only a byte-order mark and white space).
        case emptyInput
        /// The file could not be read; the payload is the system's reason.
        case unreadable(String)
        /// A quoted field opened on `line` is still open at the end of the input.
        case unterminatedQuote
        /// A row has a different number of fields than the header.
        case fieldCount(found: Int, expected: Int)
        /// A field, header name or JSON string is not valid UTF-8.
        case invalidUTF8
        /// A numeric value was asked for; `found` is the offending text, already quoted for display.
        case expectedNumber(found: String)
        /// JSON syntax error; the payload says what the parser expected.
        case invalidJSON(String)
        /// The JSON document is well formed but not a table (not records, not `log_history`).
        case notATable(String)
        /// No column has the requested name; the payload lists the names there are.
        case noSuchColumn(available: [String])
        /// A column to split by has more distinct values than a figure can tell apart.
        case tooManyGroups(found: Int, limit: Int)
        /// A `.npy` array file that Plotline cannot read; the payload says what is wrong with it.
        case invalidArray(String)
        /// The input is not a format plotline reads; the payload says what was detected.
        case unknownFormat(detected: String)
        /// A training log (TensorBoard events, MLflow metrics) is damaged; the payload says
        /// where (`byte 1234`) and what was expected.
        case invalidLog(String)
        /// The input was read but holds nothing to draw; the payload says why.
        case nothingToDraw(String)
        /// The input would take more memory than a documented limit allows (`ResourceLimits`).
        case tooLarge(String)
        /// A spec's data path leads outside the folders it may read (`ReadConfinement`).
        case outsideRoot(String)
        /// The file holds binary data (a NUL byte), not text; nothing of it is quoted.
        case binary(offset: Int)
    }

    /// What went wrong.
    public var kind: Kind
    /// Where it went wrong.
    public var location: DataLocation
    /// The column involved, when there is one.
    public var column: String?

    /// Creates an error.
    public init(_ kind: Kind, at location: DataLocation, column: String? = nil) {
        self.kind = kind
        self.location = location
        self.column = column
    }

    /// `file:line: column 'x': message` (parts that are unknown are left out).
    public var description: String {
        var text = location.source
        if let line = location.line { text += ":\(line)" }
        if let keyPath = location.keyPath {
            text += ": \(keyPath)"
        } else if let column {
            text += ": column '\(column)'"
        }
        return text + ": " + message
    }

    private var message: String {
        switch kind {
        case .emptyInput: return "the input is empty"
        case .unreadable(let reason): return "cannot read the file (\(reason))"
        case .unterminatedQuote: return "unterminated quoted field: the input ends inside the quotes opened here"
        case .fieldCount(let found, let expected):
            return "\(found) field\(found == 1 ? "" : "s"), the header has \(expected)"
        case .invalidUTF8: return "invalid UTF-8"
        case .expectedNumber(let found): return "expected a number, found \(found)"
        case .invalidJSON(let what): return "invalid JSON: \(what)"
        case .notATable(let what): return "not a table: \(what)"
        case .noSuchColumn(let names):
            // A likely typo or case slip (`Species`, `sepalLength`) gets the column it meant.
            let hint = column.flatMap { DidYouMean.closest(to: $0, in: names) }.map { "did you mean '\(MessageText.escaped($0))'? " } ?? ""
            return "no such column (\(hint)columns: \(MessageText.names(names, quote: "'")))"
        case .tooManyGroups(let found, let limit):
            return "\(found > limit ? "more than \(limit)" : "\(found)") distinct values to split by; a figure tells at most \(limit) groups apart (choose a column with fewer values)"
        case .invalidArray(let what): return "invalid .npy array: \(what)"
        case .unknownFormat(let detected): return "not a format plotline reads: \(detected)"
        case .invalidLog(let what): return what
        case .nothingToDraw(let why): return "nothing to draw: \(why)"
        case .tooLarge(let what): return "too large: \(what)"
        case .outsideRoot(let what): return "not allowed to read: \(what)"
        case .binary(let offset): return "binary data (a NUL byte at offset \(offset)), not a text table"
        }
    }
}
