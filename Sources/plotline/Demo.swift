import Chart
import CommandSyntax
import FoundationEssentials
import PNG
import Raster
import Scene
import Service
import Text

/// `plotline demo`: renders the built-in example figure to a PNG.
struct Demo: Command {
    static let definition = CommandDefinition(
        name: "demo",
        abstract: "Render the built-in example figure (a training-loss panel and a 2,000-point scatter).",
        discussion: """
            The figure is drawn from deterministic synthetic data, so two runs give identical \
            files. The PNG is written atomically: a temporary file in the same folder, then a rename.

            Examples:
              plotline demo -o demo.png
              plotline demo -o small.png --size 800x533
            """,
        groups: [OptionGroup([Options.output, FigureSize.option])])

    /// The options of `demo` (`--size` is the one `render` takes).
    enum Options {
        static let output = OptionDefinition.value("output", short: "o", valueName: "path", help: "The PNG file to write.")
    }

    let output: String
    let size: FigureSize

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let output = try arguments.required(Options.output)
        if output.isEmpty { throw UsageError("The output path is empty.") }
        if output.hasSuffix("/") { throw UsageError("The output path \(output) names a folder, not a file.") }
        self.output = output
        size = try FigureSize(arguments)
    }

    func run() throws {
        let queue: RenderQueue
        do { queue = try RenderQueue() } catch { throw CLIError("cannot load the fonts: \(error)") }
        defer { queue.shutdownAndJoin() }
        let lines = WroteLines()
        let (width, height) = (size.width, size.height)
        let job = lines.job(0, output: output, describe: { figure, _ in "\(figure.width)x\(figure.height)" }) {
            (DemoFigure.figure(width: width, height: height), 0)
        }
        try lines.submit(job, index: 0, to: queue)
        queue.shutdownAndJoin()
        if let error = lines.firstError { throw error }
    }
}
