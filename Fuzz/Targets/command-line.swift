import CommandSyntax

/// The command-line parser: the input cut at zero bytes into arguments, parsed against a tool
/// with every kind of option, positional and subcommand; every value read back through the typed
/// readers, and the help or error text made. Control byte: whether to prefix a subcommand.
enum FuzzTool {
    static let value = OptionDefinition.value("title", short: "t", valueName: "text", help: "A value.")
    static let number = OptionDefinition.value("count", valueName: "n", help: "An integer.")
    static let weight = OptionDefinition.value("smooth", valueName: "w", help: "A number.")
    static let repeated = OptionDefinition.repeated("spec", short: "s", valueName: "file", help: "Repeatable.")
    static let flag = OptionDefinition.flag("quiet", short: "q", help: "A flag.")
    static let toggle = OptionDefinition.invertibleFlag("subplots", help: "An inverted flag.")
    static let optional = OptionDefinition.optionalValue("print", valueName: "file", bareValue: "-", help: "A value that may be left out.")
    static let files = PositionalDefinition("file", .many, help: "Inputs.")
    static let folder = PositionalDefinition("dir", help: "A folder.")
    static let address = PositionalDefinition("address", .optional, help: "An address.")
    static let draw = CommandDefinition(
        name: "draw", abstract: "Draw.", discussion: "Text.\n\n  example --kept whole",
        positionals: [files], groups: [OptionGroup([value, number, weight, optional]), OptionGroup("Group", [repeated, flag, toggle])])
    static let serve = CommandDefinition(name: "serve", abstract: "Serve.", positionals: [folder, address], groups: [OptionGroup([flag])])
    static let build = CommandDefinition(name: "build", abstract: "Build.", positionals: [folder], groups: [OptionGroup([value])])
    static let merge = CommandDefinition(name: "merge", abstract: "Merge.", positionals: [folder, files])
    static let report = CommandDefinition(name: "report", abstract: "Report.", subcommands: [build, merge], defaultSubcommand: "build")
    static let root = CommandDefinition(name: "tool", abstract: "Tool.", version: "1", subcommands: [draw, serve, report])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let prefix = ["", "draw", "serve", "report", "help"][Int(input.take() % 5)]
    var arguments = input.bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    if !prefix.isEmpty { arguments.insert(prefix, at: 0) }
    do {
        switch try CommandLineParser.parse(arguments, root: FuzzTool.root) {
        case .help(let text): precondition(text.hasPrefix("OVERVIEW: "))
        case .version(let version): precondition(version == "1")
        case .run(let parsed):
            let command = parsed.path.command
            for option in command.options {
                switch option.kind {
                case .flag: _ = parsed.isSet(option)
                case .invertibleFlag: _ = parsed.toggle(option)
                case .value, .optionalValue:
                    _ = parsed.value(option); _ = try? parsed.int(option); _ = try? parsed.double(option); _ = try? parsed.required(option)
                case .repeatedValue: _ = parsed.values(option)
                }
            }
            for positional in command.positionals { _ = parsed.positionals(positional); _ = parsed.positional(positional) }
            _ = HelpText(parsed.path).text
        }
    } catch {
        precondition(error.text.hasPrefix("Error: "))
    }
    return 0
}
