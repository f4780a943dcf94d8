import JSON

/// Reads a command line against a root `CommandDefinition`: finds the subcommand, then the
/// options and positionals, in one pass (the GNU `getopt_long` conventions, see the module comment).
public enum CommandLineParser {
    /// A command line that cannot be run, with the command it was for (whose usage the message shows).
    public struct Failure: Error, Sendable {
        /// The command the arguments were read against.
        public let path: CommandPath
        /// What is wrong.
        public let error: UsageError

        /// The text printed on standard error.
        public var text: String { error.text(for: path) }
    }

    /// What `arguments` (without the tool's own name) ask of the tool whose root is `root`.
    public static func parse(_ arguments: [String], root: CommandDefinition) throws(Failure) -> Invocation {
        var definitions = [root]
        var index = 0
        // The subcommand: named, or the default one, or help for a command that only groups others.
        while !definitions[definitions.count - 1].subcommands.isEmpty {
            let command = definitions[definitions.count - 1]
            guard index < arguments.count else {
                if let name = command.defaultSubcommand, let sub = command.subcommand(name) { definitions.append(sub); break }
                return .help(HelpText(CommandPath(definitions)).text)
            }
            let argument = arguments[index]
            if argument == "-h" || argument == "--help" { return .help(HelpText(CommandPath(definitions)).text) }
            if argument == "--version", let version = command.version { return .version(version) }
            if argument == "help" && definitions.count == 1 {
                return .help(HelpText(try helpPath(Array(arguments[(index + 1)...]), root: root)).text)
            }
            if let sub = command.subcommand(argument) {
                definitions.append(sub)
                index += 1
            } else if let name = command.defaultSubcommand, let sub = command.subcommand(name) {
                definitions.append(sub)
            } else {
                let path = CommandPath(definitions)
                if argument.hasPrefix("-") && argument.count > 1 {
                    throw Failure(path: path, error: UsageError("Unknown option '\(argument)'"))
                }
                let hint = DidYouMean.closest(to: argument, in: command.subcommands.map(\.name)).map { ". Did you mean '\($0)'?" } ?? ""
                throw Failure(path: path, error: UsageError("Unexpected argument '\(argument)'\(hint)"))
            }
        }
        let path = CommandPath(definitions)
        do throws(UsageError) {
            guard let parsed = try parseCommand(Array(arguments[index...]), path: path) else {
                return .help(HelpText(path).text)
            }
            return .run(parsed)
        } catch {
            throw Failure(path: path, error: error)
        }
    }

    /// The command `help NAME ...` asks about.
    private static func helpPath(_ names: [String], root: CommandDefinition) throws(Failure) -> CommandPath {
        var definitions = [root]
        for name in names {
            guard let sub = definitions[definitions.count - 1].subcommand(name) else {
                let known = definitions[definitions.count - 1].subcommands.map(\.name)
                let hint = DidYouMean.closest(to: name, in: known).map { ". Did you mean '\($0)'?" } ?? ""
                throw Failure(path: CommandPath(definitions), error: UsageError("Unknown subcommand '\(name)'\(hint)"))
            }
            definitions.append(sub)
        }
        return CommandPath(definitions)
    }

    /// The options and positionals of the command at `path`; nil when help was asked for.
    private static func parseCommand(_ arguments: [String], path: CommandPath) throws(UsageError) -> ParsedArguments? {
        let command = path.command
        let options = command.options
        // -h anywhere before `--` asks for help, whatever else is wrong with the line.
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "-h" || $0 == "--help" }) { return nil }
        var parsed = ParsedArguments(path: path)
        var positionals: [String] = []
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !isOption(argument) {
                positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = body.firstIndex(of: "=").map { String(body[..<$0]) } ?? String(body)
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                if let option = options.first(where: { $0.long == name }) {
                    if option.takesValue {
                        let value = if let inline {
                            inline
                        } else if option.kind == .optionalValue, index == arguments.count || isOption(arguments[index]) {
                            option.bareValue ?? ""
                        } else {
                            try nextValue(arguments, &index, for: option)
                        }
                        parsed.values[option.long, default: []].append(value)
                    } else if let inline {
                        throw UsageError("The flag '--\(name)' takes no value, but was given '\(inline)'", option: option)
                    } else {
                        parsed.flags[option.long] = true
                    }
                } else if name.hasPrefix("no-"), let option = options.first(where: { $0.kind == .invertibleFlag && $0.long == name.dropFirst(3) }) {
                    if let inline { throw UsageError("The flag '--\(name)' takes no value, but was given '\(inline)'", option: option) }
                    parsed.flags[option.long] = false
                } else {
                    throw unknown("--\(name)", among: options)
                }
                continue
            }
            // Short options: `-o value`, `-ovalue`, `-o=value`, or flags run together (`-qv`).
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = options.first(where: { $0.short == letter }) else {
                    throw unknown("-\(letter)", among: options)
                }
                if option.takesValue {
                    let attached = letters.hasPrefix("=") ? String(letters.dropFirst()) : String(letters)
                    let value = if attached.isEmpty { try nextValue(arguments, &index, for: option) } else { attached }
                    parsed.values[option.long, default: []].append(value)
                    break
                }
                parsed.flags[option.long] = true
            }
        }
        try assign(positionals, to: &parsed, command: command)
        return parsed
    }

    /// Whether `argument` is an option: starts with `-`, is not `-` alone (standard input) and not a number.
    private static func isOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-" && Double(argument) == nil
    }

    /// The argument after an option that takes a value: there, and not itself an option.
    private static func nextValue(_ arguments: [String], _ index: inout Int, for option: OptionDefinition) throws(UsageError) -> String {
        guard index < arguments.count, !isOption(arguments[index]) else {
            throw UsageError("Missing value for '\(option.name)'", option: option)
        }
        index += 1
        return arguments[index - 1]
    }

    /// The error for an option the command does not have, with the closest long one it has (a
    /// one-letter name is one edit from every other: no hint).
    private static func unknown(_ given: String, among options: [OptionDefinition]) -> UsageError {
        guard given.hasPrefix("--") else { return UsageError("Unknown option '\(given)'") }
        var names = options.map { "--\($0.long)" }
        names += options.filter { $0.kind == .invertibleFlag }.map { "--no-\($0.long)" }
        names.append("--help")
        let hint = DidYouMean.closest(to: given, in: names).map { ". Did you mean '\($0)'?" } ?? ""
        return UsageError("Unknown option '\(given)'\(hint)")
    }

    /// Hands the positionals to the command's positional definitions, in order.
    private static func assign(_ arguments: [String], to parsed: inout ParsedArguments, command: CommandDefinition) throws(UsageError) {
        var rest = arguments[...]
        for positional in command.positionals {
            switch positional.arity {
            case .one:
                guard let first = rest.first else { throw UsageError("Missing expected argument '<\(positional.valueName)>'") }
                parsed.positionalValues[positional.valueName] = [first]
                rest = rest.dropFirst()
            case .optional:
                if let first = rest.first {
                    parsed.positionalValues[positional.valueName] = [first]
                    rest = rest.dropFirst()
                }
            case .many:
                parsed.positionalValues[positional.valueName] = Array(rest)
                rest = []
            }
        }
        if let extra = rest.first { throw UsageError("Unexpected argument '\(extra)'") }
    }
}
