/// One read option a user can give as text: a flag of `render` and `watch` (`--decimal ,`), a
/// key of a figure spec's data source (`"decimal": ","`, `FigureSpec.DataSource`) or of a
/// report's data figure `options`. The names, what each accepts, how it is written into
/// `CSVOptions` (`apply`) and how it is written back out (`values(in:)`, for `--print-spec`)
/// are decided here once, so the commands, the spec and the report cannot drift apart: each
/// only turns its own syntax into the values (`--na-values a,b` splits at commas, JSON takes an
/// array) and hands them to `apply`.
public enum CSVReadSetting: String, CaseIterable, Sendable {
    /// The decimal mark, `.` or `,` (pandas' `decimal`).
    case decimal
    /// A thousands separator inside numbers (pandas' `thousands`).
    case thousands
    /// Lines starting with this character are skipped (pandas' `comment`).
    case comment
    /// More spellings of a missing value (pandas' `na_values`).
    case naValues = "na_values"
    /// The text encoding (pandas' `encoding`).
    case encoding

    /// The key in a report's `options` (pandas' spelling).
    public var key: String { rawValue }

    /// The command-line flag's long name, without dashes (`na-values`).
    public var flag: String { self == .naValues ? "na-values" : rawValue }

    /// What a value must be, for messages.
    public var expected: String {
        switch self {
        case .decimal: return "\".\" or \",\""
        case .thousands, .comment: return "one ASCII character other than a quote or a line break, or \"tab\""
        case .naValues: return "missing-value spellings"
        case .encoding: return "one of " + TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// The flag's help text.
    public var help: String {
        switch self {
        case .decimal: return "The decimal mark of the data files: . or , (default: a comma is detected in files not separated by commas)."
        case .thousands: return "A thousands separator inside numbers, such as , or . or ' or tab (default: none)."
        case .comment: return "Skip lines starting with this character, or tab (default: # when the file starts with #)."
        case .naValues: return "More spellings of a missing value, comma-separated (NA, null, None, -, ... are built in)."
        case .encoding: return "The data files' encoding: utf-8, latin-1 or windows-1252 (default: UTF-8, or Windows-1252 with a warning when not valid UTF-8)."
        }
    }

    /// Sets this option in `options` from `values` (the spellings for `na_values`, one value
    /// otherwise); false, leaving `options` as it was, when a value is not what `expected` says.
    public func apply(_ values: [String], to options: inout CSVOptions) -> Bool {
        if self == .naValues {
            options.missingValues = values
            return true
        }
        guard values.count == 1, let value = values.first else { return false }
        switch self {
        case .decimal:
            guard value == "." || value == "," else { return false }
            options.decimal = value.utf8.first
        case .thousands, .comment:
            guard let byte = CSVReadSetting.character(value) else { return false }
            if self == .thousands { options.thousands = byte } else { options.comment = byte }
        case .encoding:
            guard let encoding = TextEncoding(name: value) else { return false }
            options.encoding = encoding
        case .naValues:
            break
        }
        return true
    }

    /// The values of a command-line flag's text: `--na-values` splits at commas, the others are one value.
    public func values(fromFlag text: String) -> [String] {
        self == .naValues ? text.split(separator: ",").map(String.init) : [text]
    }

    /// The values `apply` would take to set this option as `options` has it, as a spec writes
    /// them (`tab` for a tab); nil when the option is not set (left to detection).
    public func values(in options: CSVOptions) -> [String]? {
        switch self {
        case .decimal: return options.decimal.map { [CSVReadSetting.text(of: $0)] }
        case .thousands: return options.thousands.map { [CSVReadSetting.text(of: $0)] }
        case .comment: return options.comment.map { [CSVReadSetting.text(of: $0)] }
        case .naValues: return options.missingValues.isEmpty ? nil : options.missingValues
        case .encoding: return options.encoding.map { [$0.rawValue] }
        }
    }

    /// The byte of a one-character option (also a spec's `delimiter`): one ASCII character other
    /// than a quote or a line break, or the word `tab`, or `whitespace` (a space: as a
    /// delimiter, runs of spaces and tabs); nil otherwise.
    public static func character(_ text: String) -> UInt8? {
        if text == "tab" { return UInt8(ascii: "\t") }
        if text == "whitespace" { return CSVScanner.whitespace }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != UInt8(ascii: "\""),
              byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else { return nil }
        return byte
    }

    /// A one-character option as a spec or a flag writes it: `tab` for a tab (`character`'s inverse).
    public static func text(of byte: UInt8) -> String {
        byte == UInt8(ascii: "\t") ? "tab" : byte == CSVScanner.whitespace ? "whitespace" : String(Character(Unicode.Scalar(byte)))
    }
}
