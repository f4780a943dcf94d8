/// What a command line asks for: run a command, or print help or the version.
public enum Invocation: Sendable {
    /// Run the command at `arguments.path` with these arguments.
    case run(ParsedArguments)
    /// Print this help text on standard output (`--help`, `help SUBCOMMAND`, a bare root).
    case help(String)
    /// Print the version on standard output.
    case version(String)
}
