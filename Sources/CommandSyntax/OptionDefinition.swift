/// One option or flag a command accepts: its names, whether it takes a value, and its help.
///
/// Declared once (usually as a `static let` of the command) and used both in the command's
/// definition and to read the parsed value, so its name is never spelt twice.
public struct OptionDefinition: Sendable, Hashable {
    /// What the option takes.
    public enum Kind: Sendable, Hashable {
        /// A flag: present or not (`--fsync`).
        case flag
        /// A flag with an inversion: `--subplots` or `--no-subplots`, or neither.
        case invertibleFlag
        /// One value; given again, the last one counts (`--title T`).
        case value
        /// A value that may be repeated, every one kept in order (`--spec A --spec B`).
        case repeatedValue
        /// One value that may be left out: bare (last, or before another option) it takes
        /// `bareValue` (`--print-spec` alone means `-`, standard output).
        case optionalValue
    }

    /// The long name without its dashes (`output` for `--output`).
    public let long: String
    /// The one-letter name without its dash (`o` for `-o`), if any.
    public let short: Character?
    /// What the option takes.
    public let kind: Kind
    /// The value's placeholder in help and messages (`path` shows as `<path>`); empty for flags.
    public let valueName: String
    /// The help text.
    public let help: String
    /// The value an `.optionalValue` option takes when given bare; nil for the other kinds.
    public let bareValue: String?

    init(long: String, short: Character?, kind: Kind, valueName: String, help: String, bareValue: String? = nil) {
        self.long = long
        self.short = short
        self.kind = kind
        self.valueName = valueName
        self.help = help
        self.bareValue = bareValue
    }

    /// A flag, `--LONG`.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionDefinition {
        OptionDefinition(long: long, short: short, kind: .flag, valueName: "", help: help)
    }

    /// A flag with an inversion, `--LONG` / `--no-LONG`.
    public static func invertibleFlag(_ long: String, help: String) -> OptionDefinition {
        OptionDefinition(long: long, short: nil, kind: .invertibleFlag, valueName: "", help: help)
    }

    /// An option with one value, `--LONG <valueName>`.
    public static func value(_ long: String, short: Character? = nil, valueName: String, help: String) -> OptionDefinition {
        OptionDefinition(long: long, short: short, kind: .value, valueName: valueName, help: help)
    }

    /// An option that may be repeated, `--LONG <valueName> ...`.
    public static func repeated(_ long: String, short: Character? = nil, valueName: String, help: String) -> OptionDefinition {
        OptionDefinition(long: long, short: short, kind: .repeatedValue, valueName: valueName, help: help)
    }

    /// An option whose value may be left out, `--LONG [<valueName>]`: bare, it is `bareValue`.
    public static func optionalValue(_ long: String, valueName: String, bareValue: String, help: String) -> OptionDefinition {
        OptionDefinition(long: long, short: nil, kind: .optionalValue, valueName: valueName, help: help, bareValue: bareValue)
    }

    /// Whether it takes a value.
    public var takesValue: Bool { kind != .flag && kind != .invertibleFlag }

    /// How a message names it: `--size <WxH>`, `--fsync`, `--[no-]subplots`.
    public var name: String {
        switch kind {
        case .flag: return "--\(long)"
        case .invertibleFlag: return "--[no-]\(long)"
        case .value, .repeatedValue: return "--\(long) <\(valueName)>"
        case .optionalValue: return "--\(long) [<\(valueName)>]"
        }
    }

    /// How help lists it: `-o, --output <path>`, `--spec <figure.json> ...`, `--[no-]subplots`.
    var synopsis: String {
        let names = short.map { "-\($0), " } ?? ""
        switch kind {
        case .flag, .invertibleFlag, .value, .optionalValue: return names + name
        case .repeatedValue: return names + name + " ..."
        }
    }
}
