/// A positional argument of a command: its placeholder, how many it takes, and its help.
public struct PositionalDefinition: Sendable, Hashable {
    /// How many arguments it takes.
    public enum Arity: Sendable, Hashable {
        /// Exactly one (missing is an error).
        case one
        /// Zero or one.
        case optional
        /// Any number, zero included (only as the last positional).
        case many
    }

    /// The placeholder in help and messages (`file` shows as `<file>`).
    public let valueName: String
    /// How many arguments it takes.
    public let arity: Arity
    /// The help text.
    public let help: String

    public init(_ valueName: String, _ arity: Arity = .one, help: String) {
        self.valueName = valueName
        self.arity = arity
        self.help = help
    }

    /// How usage shows it: `<dir>`, `[<address>]`, `[<file> ...]`.
    var usage: String {
        switch arity {
        case .one: return "<\(valueName)>"
        case .optional: return "[<\(valueName)>]"
        case .many: return "[<\(valueName)> ...]"
        }
    }
}
