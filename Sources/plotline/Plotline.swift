// plotline: the command-line tool.
//
// Design: the commands are thin. Each reads and validates its arguments (`CommandSyntax`: the
// definitions, the parser and the help text), builds its figures' jobs and hands them to the
// `RenderQueue` (one render thread), which draws each `Scene` and writes the file atomically
// (temp file, rename; fsynced with `--fsync`), so a reader polling the output never sees half a file.
// Every failure the user can cause (a bad size, an unwritable path, missing fonts) becomes one
// line on stderr naming what was wrong and a non-zero exit status (64 for usage, 1 for input),
// never a stack trace. `watch` and `report` join `render` and `demo` with the render service.

#if canImport(Glibc)
import Glibc
#endif
import CommandSyntax
import Platform

/// The root command: `plotline <subcommand>`.
@main
enum Plotline {
    /// The whole command line: the root and its subcommands.
    static let definition = CommandDefinition(
        name: "plotline",
        abstract: "Headless plots for Linux: tables and specs in, PNG figures out.",
        discussion: """
            Everything is drawn by Plotline's own anti-aliased rasterizer with the bundled DejaVu \
            fonts, so the same input gives the same bytes on every machine.

            Examples:
              plotline render metrics.csv -o metrics.png
              plotline demo -o demo.png
              plotline watch runs/
              plotline report report.json -o out/
            """,
        version: "0.1.0",
        subcommands: [Render.definition, Demo.definition, Watch.definition, Report.definition, Schema.definition])

    /// Runs the command line.
    static func main() {
        let invocation: Invocation
        do {
            invocation = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()), root: definition)
        } catch {
            StandardStream.error.write(error.text + "\n")
            exit(64)
        }
        switch invocation {
        case .help(let text):
            StandardStream.output.write(text)
        case .version(let version):
            StandardStream.output.write(version + "\n")
        case .run(let arguments):
            exit(run(arguments))
        }
    }

    /// Reads and runs the command `arguments` are for; its exit status.
    static func run(_ arguments: ParsedArguments) -> Int32 {
        do {
            let command = try commandType(arguments.path.subcommandNames).init(arguments)
            try command.run()
            return 0
        } catch let error as UsageError {
            StandardStream.error.write(error.text(for: arguments.path) + "\n")
            return 64
        } catch let status as ExitStatus {
            return status.code
        } catch {
            StandardStream.error.write("Error: \(error)\n")
            return 1
        }
    }

    /// The command type of a subcommand path (`["report", "merge"]`).
    static func commandType(_ names: [String]) -> any Command.Type {
        switch names {
        case ["render"]: return Render.self
        case ["demo"]: return Demo.self
        case ["watch"]: return Watch.self
        case ["report", "build"]: return Report.Build.self
        case ["report", "merge"]: return Report.Merge.self
        case ["schema"]: return Schema.self
        default: preconditionFailure("no command for \(names)")
        }
    }
}
