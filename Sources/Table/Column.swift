import JSON

/// One named column of a `DataTable`, with typed storage.
public struct Column: Sendable, Equatable {
    /// The typed values of a column.
    public enum Storage: Sendable, Equatable {
        /// Numbers; `.nan` marks a missing value.
        case number([Double])
        /// Instants in seconds since the Unix epoch (UTC); `.nan` marks a missing value.
        case time([Double], TimeKind)
        /// Categories: per row an index into `levels` (in order of first appearance), -1 = missing.
        case category(codes: [Int32], levels: [String])
    }

    /// The broad type of a column, without its values.
    public enum Kind: Sendable, Equatable {
        /// `.number` storage.
        case number
        /// `.time` storage of the given kind.
        case time(TimeKind)
        /// `.category` storage.
        case category
    }

    /// The first value that kept a column from being numeric, kept for error messages.
    public struct Stray: Sendable, Equatable {
        /// Where the value is (source, line or key path).
        public var location: DataLocation
        /// The value as it should be quoted in a message: `'abc'` from CSV, `"abc"` from JSON.
        public var display: String

        /// Creates a stray-value record.
        public init(location: DataLocation, display: String) {
            self.location = location
            self.display = display
        }
    }

    /// The column's name (from the header, a JSON key path with dots, or `col1`, `col2`, ...).
    public var name: String
    /// The typed values.
    public var storage: Storage
    /// For a non-numeric column: the first value that is not a number (nil for number and time columns).
    public var stray: Stray?
    /// The cells that are not numbers, in row order: in a number column every one of them (each
    /// is a missing value there and a `DataWarning`); in a category column the first
    /// `StrayValue.categoryRecordLimit`, kept in case later rows make the column numeric.
    public var strays: [StrayValue]

    /// Creates a column.
    public init(name: String, storage: Storage, stray: Stray? = nil, strays: [StrayValue] = []) {
        self.name = name
        self.storage = storage
        self.stray = stray
        self.strays = strays
    }

    /// The number of rows.
    public var count: Int {
        switch storage {
        case .number(let values), .time(let values, _): return values.count
        case .category(let codes, _): return codes.count
        }
    }

    /// The broad type.
    public var kind: Kind {
        switch storage {
        case .number: return .number
        case .time(_, let timeKind): return .time(timeKind)
        case .category: return .category
        }
    }

    /// The number of missing values (NaN or code -1).
    public var missingCount: Int {
        switch storage {
        case .number(let values), .time(let values, _): return values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .category(let codes, _): return codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// The value at `row` as display text (nil when missing): numbers in shortest form, times in ISO 8601.
    public func text(at row: Int) -> String? {
        switch storage {
        case .number(let values):
            return values[row].isNaN ? nil : Column.format(number: values[row])
        case .time(let values, let timeKind):
            return values[row].isNaN ? nil : TimeParser.format(values[row], kind: timeKind)
        case .category(let codes, let levels):
            return codes[row] < 0 ? nil : levels[Int(codes[row])]
        }
    }

    /// A column of `count` missing values of the given kind.
    public static func missing(name: String, kind: Kind, count: Int) -> Column {
        switch kind {
        case .number: return Column(name: name, storage: .number(Array(repeating: .nan, count: count)))
        case .time(let timeKind):
            return Column(name: name, storage: .time(Array(repeating: .nan, count: count), timeKind))
        case .category:
            return Column(name: name, storage: .category(codes: Array(repeating: -1, count: count), levels: []))
        }
    }

    /// Integral numbers without a fractional part (`3`, not `3.0`); others in Swift's shortest
    /// form: the rule JSON text uses (`JSONWriter.number`), kept there once.
    public static func format(number value: Double) -> String { JSONWriter.number(value) }
}
