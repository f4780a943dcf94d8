/// The arguments of one command line, read through the definitions that declared them.
///
/// Values stay strings until the command asks for a type; a value that does not convert is a
/// `UsageError` naming the option and the value (`The value 'abc' is invalid for '--dpi <dpi>'`).
public struct ParsedArguments: Sendable {
    /// The command and the subcommands that led to it.
    public let path: CommandPath
    var values: [String: [String]] = [:]
    var flags: [String: Bool] = [:]
    var positionalValues: [String: [String]] = [:]

    init(path: CommandPath) {
        self.path = path
    }

    private func check(_ option: OptionDefinition) {
        precondition(path.command.declares(option), "\(path.invocation) does not declare --\(option.long)")
    }

    /// The value of a one-value option (the last one given), nil when it was not given.
    public func value(_ option: OptionDefinition) -> String? {
        check(option)
        return values[option.long]?.last
    }

    /// The value of an option the command cannot run without; missing, a `UsageError` naming it.
    public func required(_ option: OptionDefinition) throws(UsageError) -> String {
        guard let text = value(option) else { throw UsageError("Missing expected argument '\(option.name)'", option: option) }
        return text
    }

    /// Every value of a repeated option, in the order given.
    public func values(_ option: OptionDefinition) -> [String] {
        check(option)
        return values[option.long] ?? []
    }

    /// Whether a flag was given (for an inverted flag, whether `--LONG` was the last given).
    public func isSet(_ option: OptionDefinition) -> Bool {
        check(option)
        return flags[option.long] ?? false
    }

    /// An invertible flag: true for `--LONG`, false for `--no-LONG`, nil when neither was given.
    public func toggle(_ option: OptionDefinition) -> Bool? {
        check(option)
        return flags[option.long]
    }

    /// The value converted by `convert`, which returns nil or throws for a value it does not take
    /// (the thrown error's description follows the message); nil when the option was not given.
    public func value<T>(_ option: OptionDefinition, as convert: (String) throws -> T?) throws(UsageError) -> T? {
        guard let text = value(option) else { return nil }
        let converted: T?
        do { converted = try convert(text) } catch {
            throw UsageError("The value '\(text)' is invalid for '\(option.name)': \(error)", option: option)
        }
        guard let converted else { throw UsageError("The value '\(text)' is invalid for '\(option.name)'", option: option) }
        return converted
    }

    /// The value as an integer (decimal, optional sign); nil when not given.
    public func int(_ option: OptionDefinition) throws(UsageError) -> Int? {
        try value(option) { Int($0) }
    }

    /// The value as a finite or infinite decimal number (`Double(_:)`'s syntax, NaN refused); nil when not given.
    public func double(_ option: OptionDefinition) throws(UsageError) -> Double? {
        try value(option) { text in Double(text).flatMap { $0.isNaN ? nil : $0 } }
    }

    /// The single argument of a positional, nil when an optional one was not given.
    public func positional(_ positional: PositionalDefinition) -> String? {
        positionalValues[positional.valueName]?.first
    }

    /// Every argument of a repeated positional, in order.
    public func positionals(_ positional: PositionalDefinition) -> [String] {
        positionalValues[positional.valueName] ?? []
    }
}
