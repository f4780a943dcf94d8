// CommandSyntax: the command line of a tool with subcommands — what each command accepts, the
// parser that reads `argv` against it, and the help and usage text made from the same definitions.
//
// Design: a command is a value (`CommandDefinition`): its positionals, its options in titled
// groups, its subcommands. Each option is declared once (`OptionDefinition`, usually a `static let`
// of the command that reads it), and the command reads its parsed value through that same
// declaration (`ParsedArguments.value(_:)`), so a flag's name, help and kind live in one place.
// Parsing is one pass over the arguments with no reflection and no type metadata: values are
// strings until the command converts them, and a conversion failure names the option and value.
//
// The syntax is the GNU `getopt_long` convention that swift-argument-parser (which Plotline used
// before, and whose help layout and error wording this keeps) also follows: `--name value`,
// `--name=value`, `-x value`, `-xvalue`, `--` ends the options, `-` alone is a positional
// (standard input), `--[no-]flag` for a flag with an inversion, an unknown option is an error with
// the closest known name (`DidYouMean`). `-h`/`--help` anywhere prints the command's help,
// `--version` the root's version, `help SUBCOMMAND` the subcommand's help.
//
// Why not swift-argument-parser: it builds each command's argument set by reflecting over its
// property wrappers, several times per parse, and every generic option type costs the Swift
// runtime a metadata instantiation and a conformance scan at start-up: about 3.5 ms of a two-figure
// `plotline render` of 22 ms (16% of its CPU; bench/README.md "Command line without reflection").
