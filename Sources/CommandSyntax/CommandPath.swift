/// A command as the user reached it: the root, then each subcommand (`plotline report merge`).
public struct CommandPath: Sendable {
    /// The definitions from the root to the command, never empty.
    public let definitions: [CommandDefinition]

    public init(_ definitions: [CommandDefinition]) {
        precondition(!definitions.isEmpty)
        self.definitions = definitions
    }

    /// The command itself (the last definition).
    public var command: CommandDefinition { definitions[definitions.count - 1] }

    /// The names typed: `plotline report merge`.
    public var invocation: String { definitions.map(\.name).joined(separator: " ") }

    /// The names after the root's: `["report", "merge"]`.
    public var subcommandNames: [String] { definitions.dropFirst().map(\.name) }

    /// The usage line without `USAGE: `: `plotline render [<options>] [<file> ...]`.
    public var usage: String {
        let command = self.command
        if command.positionals.isEmpty && command.options.isEmpty && !command.subcommands.isEmpty {
            return "\(invocation) <subcommand>"
        }
        var parts = [invocation]
        if !command.options.isEmpty { parts.append("[<options>]") }
        parts += command.positionals.map(\.usage)
        if command.defaultSubcommand == nil && !command.subcommands.isEmpty { parts.append("<subcommand>") }
        return parts.joined(separator: " ")
    }
}
