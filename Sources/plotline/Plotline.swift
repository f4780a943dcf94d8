// plotline: the command-line tool.
//
// Design: the commands are thin. Each parses and validates its arguments (swift-argument-parser),
// builds a `Scene`, renders it with one `ScenePlayer`, and writes the PNG atomically with
// `AtomicFile` (temp file, rename; fsynced with `--fsync`), so a reader polling the output never
// sees half a file.
// Every failure the user can cause (a bad size, an unwritable path, missing fonts) becomes one
// line on stderr naming what was wrong and a non-zero exit status, never a stack trace.
// `watch` and `report` join `render` and `demo` with the render service.

import ArgumentParser

/// The root command: `plotline <subcommand>`.
@main
struct Plotline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plotline",
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
        subcommands: [Render.self, Demo.self, Watch.self, Report.self, Schema.self])

    /// Runs the command line, with a bare `render --print-spec` meaning standard output.
    static func main() {
        main(PrintSpec.normalized(Array(CommandLine.arguments.dropFirst())))
    }
}
