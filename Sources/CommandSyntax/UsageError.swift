/// A command line the command cannot take: an unknown option, a missing or bad value, a rule
/// between options broken. The tool prints it with the command's usage and exits with status 64.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, one sentence (`Unknown option '--tittle'. Did you mean '--title'?`).
    public let message: String
    /// The option it is about, whose help is shown under the message (a value that did not convert).
    public let option: OptionDefinition?

    public init(_ message: String, option: OptionDefinition? = nil) {
        self.message = message
        self.option = option
    }

    public var description: String { message }

    /// The text printed on standard error: the message, the option's help, the usage line and
    /// where the help is.
    public func text(for path: CommandPath) -> String {
        var lines = ["Error: \(message)"]
        if let option { lines.append("Help:  \(option.name)  \(option.help)") }
        lines.append("Usage: \(path.usage)")
        lines.append("  See '\(path.invocation) --help' for more information.")
        return lines.joined(separator: "\n")
    }
}
