import CommandSyntax

/// A command of `plotline`: what it accepts, how it reads its parsed arguments, and its work.
protocol Command {
    /// What the command accepts, and its help.
    static var definition: CommandDefinition { get }

    /// Reads and checks the arguments; a `UsageError` (status 64) for a command line it cannot take.
    init(_ arguments: ParsedArguments) throws

    /// Does the work: returns for status 0; throws `CLIError` (status 1, its message printed),
    /// `ExitStatus` (that status, the command printed why) or `UsageError` (status 64).
    func run() throws
}

extension Command {
    /// The command as `plotline NAME arguments...` reads it (a subcommand of the root).
    static func parse(_ arguments: [String]) throws -> Self {
        switch try CommandLineParser.parse([definition.name] + arguments, root: Plotline.definition) {
        case .run(let parsed): return try Self(parsed)
        case .help, .version: throw UsageError("asked for help, not a command")
        }
    }
}
